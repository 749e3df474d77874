package dev.wraith.code.deploy;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.ImageName;
import dev.wraith.catalogue.Rule;
import dev.wraith.catalogue.EndpointMatcher;
import dev.wraith.code.FindingKey;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import dev.wraith.model.Location;
import dev.wraith.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the AI declarations of one deployment file: environment variable names the catalogue knows
 * ({@code env-var}) and AI URLs or hosts in values, commands and arguments ({@code ai-endpoint}). A value is
 * only ever matched; what is kept is the variable name or the endpoint's scheme://host[:port][path].
 * Not thread-safe: one instance per file.
 */
final class AiDeclarations {
  private final Catalogue catalogue;
  private final EndpointMatcher endpoints;
  private final String path;
  private final Map<FindingKey, Finding> findings = new LinkedHashMap<>();

  AiDeclarations(Catalogue catalogue, EndpointMatcher endpoints, String path) {
    this.catalogue = catalogue;
    this.endpoints = endpoints;
    this.path = path;
  }

  /** A variable name declared at {@code line}: a finding when the catalogue ties it to a provider. */
  void envName(String name, int line) {
    catalogue.providerForEnvVar(name).ifPresent(p -> add(new Finding(FindingKind.ENV_VAR, new Location(path, Math.max(0, line), 0),
        p.id(), p.id(), "", p.maturity().confidence(dev.wraith.model.Confidence.HIGH), severity(FindingKind.ENV_VAR), name, Set.of(),
        Map.of())));
  }

  /** A value, argument or command at {@code line}: a finding when it holds an AI URL or host. */
  void value(String text, int line) {
    if (text.isEmpty() || text.length() > 4096) return;
    endpoints.match(text).ifPresent(m -> add(new Finding(FindingKind.AI_ENDPOINT, new Location(path, Math.max(0, line), 0),
        m.provider().id(), m.provider().id(), "", m.confidence(), severity(FindingKind.AI_ENDPOINT), m.evidence(), Set.of(),
        Map.of())));
  }

  /**
   * The ids of providers whose published images these references run (repository match, tag and digest
   * ignored, Docker Hub's implicit {@code docker.io/library/} prefix too), joined with ','; "" when none.
   */
  String imageProviders(Iterable<String> images) {
    java.util.TreeSet<String> ids = new java.util.TreeSet<>();
    for (String image : images) {
      String ref = image.contains("=") ? image.substring(image.indexOf('=') + 1) : image; // kustomize name=newName
      String repo = ImageName.canonical(ref);
      for (dev.wraith.catalogue.Provider p : catalogue.providers()) {
        if (p.images().stream().anyMatch(i -> ImageName.canonical(i).equals(repo))) ids.add(p.id());
      }
    }
    return String.join(",", ids);
  }

  List<Finding> findings() {
    return new ArrayList<>(findings.values());
  }

  private void add(Finding f) {
    findings.putIfAbsent(FindingKey.of(f), f);
  }

  private Severity severity(FindingKind kind) {
    return catalogue.rule(kind.id()).map(Rule::severity).orElse(Severity.NOTE);
  }
}
