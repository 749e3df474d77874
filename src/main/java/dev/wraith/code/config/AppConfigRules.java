package dev.wraith.code.config;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.ConfigKey;
import dev.wraith.catalogue.EndpointMatcher;
import dev.wraith.catalogue.Rule;
import dev.wraith.model.FindingKind;
import dev.wraith.model.Severity;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the config detectors take from the catalogue, prepared once: the code hints' model, generation and
 * credential names in canonical key form ({@code max-tokens}, {@code maxTokens} and {@code max_tokens} are one),
 * the endpoint matcher and the rules' severities. Immutable and thread-safe.
 */
record AppConfigRules(Catalogue catalogue, EndpointMatcher endpoints, Set<String> modelKeys, Map<String, String> generationKeys,
    Set<String> credentialKeys, Map<FindingKind, Severity> severities) {

  static AppConfigRules of(Catalogue catalogue) {
    Set<String> models = new HashSet<>();
    for (String a : catalogue.codeHints().modelArgs()) models.add(ConfigKey.canonical(a));
    Map<String, String> generation = new HashMap<>();
    catalogue.codeHints().generationArgs().forEach((arg, canonical) -> generation.put(ConfigKey.canonical(arg), canonical));
    Set<String> credentials = new HashSet<>();
    for (String k : catalogue.codeHints().credentialKeys()) credentials.add(ConfigKey.canonical(k));
    Map<FindingKind, Severity> severities = new EnumMap<>(FindingKind.class);
    for (FindingKind k : FindingKind.values()) severities.put(k, catalogue.rule(k.id()).map(Rule::severity).orElse(Severity.NOTE));
    return new AppConfigRules(catalogue, new EndpointMatcher(catalogue), Set.copyOf(models), Map.copyOf(generation),
        Set.copyOf(credentials), Map.copyOf(severities));
  }

  Severity severity(FindingKind kind) {
    return severities.get(kind);
  }
}
