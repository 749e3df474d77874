package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.catalogue.Rule;
import dev.wraith.catalogue.Signature;
import dev.wraith.model.Confidence;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import dev.wraith.model.Location;
import dev.wraith.model.Severity;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue's packages of one ecosystem, keyed by normalised name: an exact lookup, so lookalikes such as
 * {@code openai-whisper} or {@code @types/openai} never match. Built once per detector; immutable afterwards.
 */
final class DependencyIndex {
  private final Ecosystem ecosystem;
  private final Map<String, Signature> byPackage = new HashMap<>();
  private final Severity severity;
  private final dev.wraith.redact.Redactor redactor;

  DependencyIndex(Catalogue catalogue, Ecosystem ecosystem) {
    this.ecosystem = ecosystem;
    this.redactor = dev.wraith.redact.Redactor.of(catalogue);
    for (Signature s : catalogue.signatures()) {
      if (s.ecosystem() != ecosystem) continue;
      for (String p : s.packages()) byPackage.putIfAbsent(ecosystem.normalisePackage(p), s);
    }
    this.severity = catalogue.rule(FindingKind.DEPENDENCY.id()).map(Rule::severity).orElse(Severity.NOTE);
  }

  Optional<Signature> signature(String packageName) {
    return Optional.ofNullable(byPackage.get(ecosystem.normalisePackage(packageName)));
  }

  /** The finding for a declared package, if the catalogue knows it. */
  Optional<Finding> finding(String path, Dependency d) {
    return signature(d.name()).map(sig -> {
      Map<String, String> attrs = new LinkedHashMap<>();
      if (!d.version().isEmpty()) attrs.put("version", redactor.text(d.version())); // a URL may carry a token
      if (!d.scope().isEmpty()) attrs.put("scope", d.scope());
      if (!d.direct().isEmpty()) attrs.put("direct", d.direct());
      String framework = sig.type() == Signature.Type.FRAMEWORK ? sig.id() : "";
      return new Finding(FindingKind.DEPENDENCY, new Location(path, d.line(), 0), sig.id(), sig.provider(), framework,
          sig.maturity().confidence(Confidence.HIGH), severity, d.name(), Set.of(), attrs);
    });
  }
}
