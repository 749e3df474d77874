package dev.wraith.catalogue;

import dev.wraith.model.Severity;

/** Metadata of one finding kind, as SARIF and --help show it. */
public record Rule(String id, String name, Severity severity, String shortDescription, String fullDescription, String help) {}
