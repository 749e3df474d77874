package dev.wraith.catalogue;

/**
 * What a tool capability (a symbol's {@code capabilities}, a {@code when} condition's {@code capability}) means,
 * decided once, in the catalogue's {@code capabilities.yaml}, for detection and for risk alike.
 *
 * @param errorFinding a code finding that grants it is an error, whatever its rule's default severity
 * @param raisesRisk an agent whose code holds it has its risk raised one level (once, up to CRITICAL)
 */
public record Capability(String id, String name, boolean errorFinding, boolean raisesRisk) {}
