package dev.wraith.code.config;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.ConfigKey;
import dev.wraith.catalogue.EndpointMatcher;
import dev.wraith.catalogue.Provider;
import dev.wraith.catalogue.Signature;
import dev.wraith.code.Detection;
import dev.wraith.code.FindingKey;
import dev.wraith.model.Confidence;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import dev.wraith.model.Location;
import dev.wraith.model.ModelUse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings of one application config file, from its flattened entries and the catalogue's {@code configKeys}:
 * one finding per configured client, vector store or MCP server (per named connection for MCP clients) at its first
 * key, with the model and generation parameters its keys name; {@code env-var} for {@code ${NAME}} placeholders
 * (catalogue names anywhere, any name under an AI key); {@code ai-endpoint} for AI URLs in values (a client whose
 * base URL is another provider's talks to that provider); {@code hardcoded-credential} for a literal in a credential
 * key under an AI prefix. Values are only matched: what is kept is key names, variable names, model names and
 * endpoints without credentials. Not thread-safe; one instance per file.
 */
final class AppConfigFindings {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)[:}]");
  private static final Pattern INDEX = Pattern.compile("\\[\\d+]$");

  /** A finding in the making: the entry that configures something, where it starts, and what its keys say. */
  /** A config key's group: the key's own when a value selects it ({@code prefix} empty), else one per written prefix. */
  private record GroupId(String configKey, Optional<String> prefix) {}

  private static final class Group {
    final ConfigKey key;
    final String evidence;
    final int line;
    final Map<String, String> attributes = new TreeMap<>();
    String provider;

    Group(ConfigKey key, String evidence, int line) {
      this.key = key;
      this.evidence = evidence;
      this.line = line;
      this.provider = key.provider();
    }
  }

  private final AppConfigRules rules;
  private final Catalogue catalogue;
  private final EndpointMatcher endpoints;
  private final String path;
  private final Map<GroupId, Group> groups = new LinkedHashMap<>();
  private final Map<FindingKey, Finding> other = new LinkedHashMap<>();
  private final List<ModelUse> models = new ArrayList<>();

  AppConfigFindings(AppConfigRules rules, String path) {
    this.rules = rules;
    this.catalogue = rules.catalogue();
    this.endpoints = rules.endpoints();
    this.path = path;
  }

  Detection analyse(List<ConfigEntries.Entry> entries) {
    for (ConfigEntries.Entry e : entries) entry(e);
    List<Finding> findings = new ArrayList<>();
    for (Group g : groups.values()) findings.add(finding(g));
    findings.addAll(other.values());
    return new Detection(findings, List.of(), models, List.of());
  }

  private void entry(ConfigEntries.Entry e) {
    String canonical = ConfigKey.canonical(e.key());
    String last = INDEX.matcher(canonical.substring(canonical.lastIndexOf('.') + 1)).replaceFirst("");
    ConfigKey owner = null;
    Group group = null;
    for (ConfigKey k : catalogue.configKeys()) {
      String prefix = k.prefixOf(canonical);
      if (!prefix.isEmpty()) {
        owner = k;
        group = last.equals("enabled") ? null : group(k, canonical, prefix, e);
        break;
      }
      if (k.selectedBy(canonical, e.value())) {
        owner = k;
        group = groups.computeIfAbsent(new GroupId(k.id(), Optional.empty()),
            x -> new Group(k, e.key() + "=" + e.value().trim(), e.line()));
        break;
      }
    }
    if (group != null) hints(group, last, e);
    placeholders(e, owner);
    if (owner != null && rules.credentialKeys().contains(last) && ConfigValues.isLiteralSecret(e.value())) credential(e, owner);
    endpoint(e, group);
  }

  /** The group a key under a prefix belongs to: the prefix's, or its named connection's. */
  private Group group(ConfigKey k, String canonical, String prefix, ConfigEntries.Entry e) {
    String connections = k.connectionsOf(canonical);
    int segments = (connections.isEmpty() ? prefix : connections).split("\\.").length + (connections.isEmpty() ? 0 : 1);
    String[] written = e.key().split("\\.");
    if (written.length < segments) return null;
    String evidence = INDEX.matcher(String.join(".", java.util.Arrays.copyOf(written, segments))).replaceFirst("");
    GroupId id = new GroupId(k.id(), Optional.of(ConfigKey.canonical(evidence)));
    if (!connections.isEmpty() && written.length == segments) return null; // a scalar where a connection should be
    return groups.computeIfAbsent(id, x -> new Group(k, evidence, e.line()));
  }

  /** Model, generation parameters, and for MCP connections the command's program and the server URL. */
  private void hints(Group g, String last, ConfigEntries.Entry e) {
    String v = e.value().trim();
    if (v.isEmpty() || v.contains("${") || v.length() > 200) return;
    if (rules.modelKeys().contains(last) && !g.attributes.containsKey("model")) {
      g.attributes.put("model", v);
      models.add(new ModelUse(new Location(path, e.line(), 0), v, new TreeMap<>()));
    } else if (rules.generationKeys().containsKey(last)) {
      g.attributes.putIfAbsent(rules.generationKeys().get(last), v);
    } else if (g.key.kind() == FindingKind.TOOL && last.equals("command")) {
      String program = v.split("[,\\s]", 2)[0]; // Quarkus writes the command and its arguments as one list
      g.attributes.putIfAbsent("command", program.substring(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1));
    } else if (g.key.kind() == FindingKind.TOOL && last.equals("url")) {
      McpUrl.display(v).ifPresent(u -> g.attributes.putIfAbsent("url", u));
    }
  }

  private void placeholders(ConfigEntries.Entry e, ConfigKey owner) {
    Matcher m = PLACEHOLDER.matcher(e.value());
    while (m.find()) {
      String name = m.group(1);
      Optional<Provider> known = catalogue.providerForEnvVar(name);
      String provider = known.map(Provider::id).orElse(owner == null ? "" : owner.provider());
      if (provider.isEmpty()) continue;
      Confidence c = known.isPresent() ? Confidence.HIGH : Confidence.MEDIUM;
      add(new Finding(FindingKind.ENV_VAR, new Location(path, e.line(), 0), provider, provider, "", c,
          rules.severity(FindingKind.ENV_VAR), name, Set.of(), Map.of()));
    }
  }

  private void credential(ConfigEntries.Entry e, ConfigKey owner) {
    String subject = owner.provider().isEmpty() ? owner.signature() : owner.provider();
    add(new Finding(FindingKind.HARDCODED_CREDENTIAL, new Location(path, e.line(), 0), subject, owner.provider(), "",
        Confidence.MEDIUM, rules.severity(FindingKind.HARDCODED_CREDENTIAL), e.key(), Set.of(), Map.of()));
  }

  /** An AI URL in a value; under a client's keys it also says which provider the client really talks to. */
  private void endpoint(ConfigEntries.Entry e, Group g) {
    endpoints.match(e.value()).ifPresent(m -> {
      add(new Finding(FindingKind.AI_ENDPOINT, new Location(path, e.line(), 0), m.provider().id(), m.provider().id(), "",
          m.confidence(), rules.severity(FindingKind.AI_ENDPOINT), m.evidence(), Set.of(), Map.of()));
      if (g != null && g.key.kind() == FindingKind.SDK_CLIENT) g.provider = m.provider().id();
    });
  }

  private Finding finding(Group g) {
    String framework = catalogue.signature(g.key.signature()).filter(s -> s.type() == Signature.Type.FRAMEWORK)
        .map(Signature::id).orElse("");
    return new Finding(g.key.kind(), new Location(path, g.line, 0), g.key.signature(), g.provider, framework, Confidence.MEDIUM,
        rules.severity(g.key.kind()), g.evidence, Set.of(), g.attributes);
  }

  private void add(Finding f) {
    other.putIfAbsent(FindingKey.of(f), f);
  }
}
