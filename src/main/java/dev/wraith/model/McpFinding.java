package dev.wraith.model;

/** A server and its verdict. */
public record McpFinding(McpServer server, McpVerdict verdict) {}
