package dev.wraith.catalogue;

import java.util.List;

/**
 * An AI service wraith recognises on the wire and in code: a hosted LLM API, a self-hosted model server,
 * a vector database or an AI gateway.
 *
 * @param hosts hostname patterns; '*' stands for one or more characters inside one DNS label
 * @param ipRanges CIDR blocks the provider publishes for its API (empty when it publishes none)
 * @param ports ports the service listens on (443 for SaaS; the default ports of self-hosted servers)
 * @param paths URL path prefixes a self-hosted server answers on (used with ports to recognise local URLs)
 * @param images container image repositories that run this service
 * @param envVars environment variable names that configure a client for it (names only)
 * @param triggers prefilter tokens for its hostnames when the longest literal part of its host patterns is
 *     too common (Bedrock's is "amazonaws.com"); empty = derived from the patterns
 * @param genAiProvider its value of the OpenTelemetry GenAI attribute {@code gen_ai.provider.name} where the semantic
 *     conventions define one ("openai", "aws.bedrock"); empty where they define none
 */
public record Provider(
    String id,
    String name,
    Category category,
    Maturity maturity,
    List<HostPattern> hosts,
    List<Cidr> ipRanges,
    List<Integer> ports,
    List<String> paths,
    List<String> images,
    List<String> envVars,
    List<String> triggers,
    String genAiProvider) {

  /** What kind of AI service a provider is. */
  public enum Category {
    LLM, MODEL_SERVER, VECTOR_DB, GATEWAY;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** For people: "LLM API", "model server", "vector database", "AI gateway". */
    public String label() {
      return switch (this) {
        case LLM -> "LLM API";
        case MODEL_SERVER -> "model server";
        case VECTOR_DB -> "vector database";
        case GATEWAY -> "AI gateway";
      };
    }
  }

  public Provider {
    hosts = List.copyOf(hosts);
    ipRanges = List.copyOf(ipRanges);
    ports = List.copyOf(ports);
    paths = List.copyOf(paths);
    images = List.copyOf(images);
    envVars = List.copyOf(envVars);
    triggers = List.copyOf(triggers);
  }

  public boolean matchesHost(String host) {
    String h = HostPattern.normalise(host);
    for (HostPattern p : hosts) if (p.matches(h)) return true;
    return false;
  }
}
