package dev.wraith.code;

import dev.wraith.catalogue.EndpointMatcher;
import dev.wraith.catalogue.Capability;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.catalogue.Provider;
import dev.wraith.catalogue.Rule;
import dev.wraith.catalogue.Signature;
import dev.wraith.catalogue.Symbol;
import dev.wraith.model.Confidence;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import dev.wraith.model.Location;
import dev.wraith.model.ModelUse;
import dev.wraith.model.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns language-neutral {@link SourceFacts} into findings using the catalogue: resolved calls against
 * SDK and framework symbols, imports that were not tied to a call, literals against provider endpoints and
 * environment variable names. Pure and thread-safe.
 */
public final class FactMatcher {
  private final Catalogue catalogue;
  private final Map<Ecosystem, SignatureIndex> byEcosystem = new EnumMap<>(Ecosystem.class);
  private final Map<String, Provider> envVars = new HashMap<>();
  private final Map<FindingKind, Severity> severities = new EnumMap<>(FindingKind.class);
  /** Capabilities that make a finding an error whatever its rule's default (catalogue capabilities.yaml). */
  private final Set<String> errorCapabilities = new HashSet<>();
  private final EndpointMatcher endpoints;

  public FactMatcher(Catalogue catalogue) {
    this.catalogue = catalogue;
    for (Ecosystem e : Ecosystem.values()) {
      byEcosystem.put(e, new SignatureIndex(catalogue.signatures().stream().filter(s -> s.ecosystem() == e).toList()));
    }
    for (Provider p : catalogue.providers()) for (String v : p.envVars()) envVars.putIfAbsent(v, p);
    for (FindingKind k : FindingKind.values()) severities.put(k, catalogue.rule(k.id()).map(Rule::severity).orElse(Severity.NOTE));
    for (Capability c : catalogue.capabilities()) if (c.errorFinding()) errorCapabilities.add(c.id());
    this.endpoints = new EndpointMatcher(catalogue);
  }

  public Detection match(String path, Language language, SourceFacts facts) {
    SignatureIndex sigs = byEcosystem.get(language.ecosystem());
    // calls, imports and literals have kinds of their own (the catalogue's symbol kinds; ai-import; env-var and
    // ai-endpoint), so their keys never meet
    Map<FindingKey, Finding> findings = new LinkedHashMap<>();
    List<ModelUse> models = new ArrayList<>();
    Set<String> usedSignatures = new HashSet<>();
    for (SourceFacts.Call call : facts.calls()) {
      List<Signature> owners = sigs.owners(call.name());
      if (owners.isEmpty()) continue;
      Location loc = new Location(path, call.line(), call.column());
      for (Signature sig : owners) {
        for (Symbol sym : sig.symbols()) {
          if (!sym.matches(call.name()) || !sym.argsAllow(call.args())) continue;
          Finding f = finding(sig, sym, call, loc);
          findings.putIfAbsent(FindingKey.anyEvidence(f), f);
          usedSignatures.add(sig.id());
          break;
        }
      }
      modelUse(call, loc, "").ifPresent(models::add);
    }
    for (SourceFacts.Import imp : facts.imports()) {
      for (Signature sig : sigs.owners(imp.module())) {
        if (!sig.reportImport() || !usedSignatures.add(sig.id())) continue;
        Location loc = new Location(path, imp.line(), imp.column());
        Finding f = new Finding(FindingKind.AI_IMPORT, loc, sig.id(), sig.provider(), frameworkOf(sig), sig.maturity().confidence(Confidence.LOW),
            severities.get(FindingKind.AI_IMPORT), imp.module(), Set.of(), Map.of());
        findings.putIfAbsent(FindingKey.of(f), f); // one per signature: usedSignatures drops the rest
      }
    }
    for (SourceFacts.Literal lit : facts.literals()) literal(path, lit).ifPresent(f ->
        findings.putIfAbsent(FindingKey.of(f), f));
    List<String> warnings = facts.syntaxErrors() ? List.of(path + ": syntax errors; parsed what could be recovered") : List.of();
    return new Detection(new ArrayList<>(findings.values()), List.of(), models, warnings);
  }

  private Finding finding(Signature sig, Symbol sym, SourceFacts.Call call, Location loc) {
    TreeSet<String> caps = new TreeSet<>(sym.capabilities());
    for (Symbol.ArgCapability w : sym.when()) if (w.holds(call.args())) caps.add(w.capability());
    Severity sev = severities.get(sym.kind());
    if (caps.stream().anyMatch(errorCapabilities::contains)) sev = Severity.ERROR;
    String provider = sym.provider().isEmpty() ? sig.provider() : sym.provider();
    SortedMap<String, String> attrs = new TreeMap<>();
    modelUse(call, loc, sym.modelArg()).ifPresent(m -> {
      attrs.put("model", m.model());
      attrs.putAll(m.parameters());
    });
    return new Finding(sym.kind(), loc, sig.id(), provider, frameworkOf(sig), sig.maturity().confidence(Confidence.HIGH), sev,
        call.name(), caps, attrs);
  }

  private static String frameworkOf(Signature sig) {
    return sig.type() == Signature.Type.FRAMEWORK ? sig.id() : "";
  }

  private java.util.Optional<ModelUse> modelUse(SourceFacts.Call call, Location loc, String modelArg) {
    String model = "";
    if (!modelArg.isEmpty()) model = call.args().getOrDefault(modelArg, "");
    for (String a : catalogue.codeHints().modelArgs()) {
      if (!model.isEmpty()) break;
      model = call.args().getOrDefault(a, "");
    }
    if (model.isEmpty() || model.length() > 200) return java.util.Optional.empty();
    SortedMap<String, String> params = new TreeMap<>();
    catalogue.codeHints().generationArgs().forEach((arg, canonical) -> {
      String v = call.args().getOrDefault(arg, "");
      if (!v.isEmpty()) params.put(canonical, v);
    });
    return java.util.Optional.of(new ModelUse(loc, model, params));
  }

  private java.util.Optional<Finding> literal(String path, SourceFacts.Literal lit) {
    Location loc = new Location(path, lit.line(), lit.column());
    Provider env = envVars.get(lit.value());
    if (env != null) {
      return java.util.Optional.of(new Finding(FindingKind.ENV_VAR, loc, env.id(), env.id(), "", env.maturity().confidence(Confidence.MEDIUM),
          severities.get(FindingKind.ENV_VAR), lit.value(), Set.of(), Map.of()));
    }
    return endpoints.match(lit.value()).map(m -> new Finding(FindingKind.AI_ENDPOINT, loc, m.provider().id(), m.provider().id(), "",
        m.confidence(), severities.get(FindingKind.AI_ENDPOINT), m.evidence(), Set.of(), Map.of()));
  }
}
