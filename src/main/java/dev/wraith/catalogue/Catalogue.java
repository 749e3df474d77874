package dev.wraith.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded, validated catalogue. Immutable; shared by every layer. Lists keep file order, which is
 * stable, so everything derived from them is deterministic.
 */
public record Catalogue(
    int schema,
    String version,
    List<Provider> providers,
    List<Signature> signatures,
    CodeHints codeHints,
    List<Rule> rules,
    WalkerSettings walker,
    List<LineageMarker> lineage,
    List<KnownApp> apps,
    List<McpClient> mcpClients,
    List<McpPublisher> mcpPublishers,
    List<Capability> capabilities,
    McpProbeRules mcpProbe,
    List<ConfigKey> configKeys,
    SecretRules secrets) {

  public static final int SCHEMA = 1;

  public Catalogue {
    providers = List.copyOf(providers);
    signatures = List.copyOf(signatures);
    rules = List.copyOf(rules);
    lineage = List.copyOf(lineage);
    apps = List.copyOf(apps);
    mcpClients = List.copyOf(mcpClients);
    mcpPublishers = List.copyOf(mcpPublishers);
    capabilities = List.copyOf(capabilities);
    configKeys = List.copyOf(configKeys);
  }

  public Optional<Signature> signature(String id) {
    return signatures.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Provider> provider(String id) {
    return providers.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The capability policy of one id (see {@link Capability}); symbols name only known ones (the loader checks). */
  public Optional<Capability> capability(String id) {
    return capabilities.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The provider whose host patterns match this hostname, if any (first in catalogue order). */
  public Optional<Provider> providerForHost(String host) {
    for (Provider p : providers) if (p.matchesHost(host)) return Optional.of(p);
    return Optional.empty();
  }

  /** The provider that declares this environment variable name, if any. */
  public Optional<Provider> providerForEnvVar(String name) {
    for (Provider p : providers) if (p.envVars().contains(name)) return Optional.of(p);
    return Optional.empty();
  }

  /** The known app whose image repositories include this image reference, if any (first in catalogue order). */
  public Optional<KnownApp> appForImage(String image) {
    for (KnownApp a : apps) if (a.imageMatch(image).isPresent()) return Optional.of(a);
    return Optional.empty();
  }

  /** The self-hosted provider (model server, gateway, vector DB) whose images include this image reference, if any. */
  public Optional<Provider> serverForImage(String image) {
    for (Provider p : providers) {
      if (p.category() == Provider.Category.LLM) continue;
      for (String known : p.images()) if (ImageName.matches(image, known)) return Optional.of(p);
    }
    return Optional.empty();
  }

  /**
   * Ports that identify a self-hosted server on their own: claimed by exactly one self-hosted provider (model server,
   * vector DB, gateway), by no hosted API, and not a well-known port (below 1024). vLLM, Triton and Chroma share 8000,
   * so 8000 identifies nothing; Ollama's 11434 does.
   */
  public Map<Integer, Provider> distinctiveServerPorts() {
    Map<Integer, Provider> only = new java.util.HashMap<>();
    Map<Integer, Integer> claims = new java.util.HashMap<>();
    for (Provider p : providers) {
      for (int port : p.ports()) {
        claims.merge(port, 1, Integer::sum);
        if (p.category() != Provider.Category.LLM) only.put(port, p);
      }
    }
    only.keySet().removeIf(port -> port < 1024 || claims.get(port) > 1);
    return Map.copyOf(only);
  }
}
