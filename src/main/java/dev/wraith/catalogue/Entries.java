package dev.wraith.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wraith.model.FindingKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads one catalogue entry from a YAML node, strictly: unknown keys and bad values are problems. */
final class Entries {
  private static final java.util.regex.Pattern KEBAB = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Set<String> PROVIDER_KEYS =
      Set.of("id", "name", "category", "maturity", "hosts", "ipRanges", "ports", "paths", "images", "envVars", "triggers",
          "genAiProvider");
  private static final Set<String> SIGNATURE_KEYS =
      Set.of("id", "name", "ecosystem", "provider", "maturity", "packages", "modules", "triggers", "symbols", "reportImport",
          "impliedProvider");
  private static final Set<String> CONFIG_KEY_KEYS = Set.of("id", "signature", "provider", "kind", "prefixes", "selectors", "connections");
  private static final Set<String> CONFIG_KINDS = Set.of("sdk-client", "vector-store", "tool", "mcp-server");
  private static final java.util.regex.Pattern CONFIG_KEY = java.util.regex.Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_*-]+)*");
  private static final Set<String> SYMBOL_KEYS = Set.of("call", "kind", "provider", "capabilities", "when", "modelArg", "only");
  private static final Set<String> WHEN_KEYS = Set.of("arg", "equals", "notEquals", "capability");
  private static final Set<String> RULE_KEYS = Set.of("id", "name", "severity", "short", "full", "help");
  private static final Set<String> LINEAGE_KEYS = Set.of("id", "kind", "label", "annotation", "value", "note");
  private static final Set<String> APP_KEYS = Set.of("id", "name", "kind", "maturity", "images", "commands");
  private static final java.util.regex.Pattern IMAGE_REPO =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._:-]*(/[a-z0-9][a-z0-9._-]*)*(/\\*)?");
  private static final Set<String> SYMBOL_KINDS = Set.of("sdk-client", "agent", "tool", "vector-store", "mcp-server");

  private final String file;
  private final List<String> problems;

  Entries(String file, List<String> problems) {
    this.file = file;
    this.problems = problems;
  }

  Optional<Provider> provider(JsonNode n) {
    String id = required(n, "id");
    keys(n, PROVIDER_KEYS, id);
    Provider.Category cat = enumValue(n, "category", id, Provider.Category.class, Provider.Category.LLM);
    List<HostPattern> hosts = parsed(n, "hosts", id, HostPattern::parse);
    List<Cidr> ranges = parsed(n, "ipRanges", id, Cidr::parse);
    List<Integer> ports = new ArrayList<>();
    for (JsonNode p : n.path("ports")) {
      if (!p.canConvertToInt() || p.asInt() < 1 || p.asInt() > 65535) problems.add(where(id) + "port '" + p.asText() + "' is not 1-65535");
      else ports.add(p.asInt());
    }
    Provider p = new Provider(id, text(n, "name", id), cat, maturity(n, id), hosts, ranges, ports,
        strings(n, "paths"), strings(n, "images"), strings(n, "envVars"), strings(n, "triggers"),
        n.path("genAiProvider").asText(""));
    return Optional.of(p); // registered even when invalid, so reference checks report everything at once
  }

  Optional<Signature> signature(JsonNode n, Signature.Type type) {
    String id = required(n, "id");
    keys(n, SIGNATURE_KEYS, id);
    Ecosystem eco = enumValue(n, "ecosystem", id, Ecosystem.class, null);
    List<String> modules = strings(n, "modules");
    List<String> packages = strings(n, "packages");
    Set<String> triggers = new LinkedHashSet<>(strings(n, "triggers"));
    if (!n.has("triggers")) triggers.addAll(importTokens(eco, modules));
    List<Symbol> symbols = new ArrayList<>();
    for (JsonNode s : n.path("symbols")) symbol(s, id).ifPresent(symbols::add);
    if (modules.isEmpty() && packages.isEmpty()) problems.add(where(id) + "needs modules or packages");
    Signature sig = new Signature(id, text(n, "name", id), type, eco, n.path("provider").asText(""), maturity(n, id),
        packages, modules, List.copyOf(triggers), symbols, n.path("reportImport").asBoolean(true),
        n.path("impliedProvider").asText(""));
    if (type == Signature.Type.SDK && !sig.impliedProvider().isEmpty()) problems.add(where(id) + "impliedProvider is for frameworks");
    return Optional.of(sig);
  }

  /**
   * Default prefilter tokens: the text an import of the module must contain. Python code can only reach a
   * module through {@code import m}, {@code from m} or a later name in {@code import a, m}; JavaScript names it in quotes; Java packages and Go
   * paths are distinctive as they are. Tokens under 4 characters are dropped (too common to filter).
   */
  static List<String> importTokens(Ecosystem eco, List<String> modules) {
    List<String> out = new ArrayList<>();
    for (String m : modules) {
      switch (eco) {
        case PYPI -> {
          out.add("import " + m);
          out.add("from " + m);
          out.add(", " + m); // import os, openai
          out.add("," + m);
        }
        case NPM, RUBYGEMS -> { // JS and Ruby name modules in quotes: import "x", require 'x'
          if (eco == Ecosystem.RUBYGEMS && !m.isEmpty() && Character.isUpperCase(m.charAt(0))) {
            out.add(m.replace(".", "::")); // a Ruby constant path (OpenAI, Aws.BedrockRuntime), written A::B in code
            continue;
          }
          out.add("'" + m);
          out.add("\"" + m);
          out.add("`" + m);
        }
        case MAVEN, GO, NUGET, PACKAGIST, CARGO -> out.add(m);
      }
    }
    out.removeIf(t -> t.length() < 4);
    return out;
  }

  private Optional<Symbol> symbol(JsonNode n, String owner) {
    String call = n.path("call").asText("");
    String where = owner + " symbol '" + call + "'";
    keys(n, SYMBOL_KEYS, where);
    if (call.isBlank()) {
      problems.add(where(owner) + "symbol without 'call'");
      return Optional.empty();
    }
    String kind = n.path("kind").asText("");
    if (!SYMBOL_KINDS.contains(kind)) {
      problems.add(where(where) + "kind '" + kind + "' is not one of " + new java.util.TreeSet<>(SYMBOL_KINDS));
      return Optional.empty();
    }
    List<Symbol.ArgCapability> when = new ArrayList<>();
    for (JsonNode w : n.path("when")) {
      keys(w, WHEN_KEYS, where);
      String arg = w.path("arg").asText("");
      String cap = w.path("capability").asText("");
      if (arg.isEmpty() || cap.isEmpty()) problems.add(where(where) + "'when' needs arg and capability");
      when.add(new Symbol.ArgCapability(arg, w.path("equals").asText(""), w.path("notEquals").asText(""), cap));
    }
    List<Symbol.ArgFilter> only = new ArrayList<>();
    for (JsonNode o : n.path("only")) {
      keys(o, Set.of("arg", "values"), where);
      List<String> values = strings(o, "values");
      if (o.path("arg").asText("").isEmpty() || values.isEmpty()) problems.add(where(where) + "'only' needs arg and values");
      only.add(new Symbol.ArgFilter(o.path("arg").asText(""), values));
    }
    return Optional.of(new Symbol(call, CallGlob.compile(call), FindingKind.parse(kind), n.path("provider").asText(""),
        strings(n, "capabilities"), when, n.path("modelArg").asText(""), only));
  }

  /** An application config entry: dotted key prefixes, {@code glob=value} selectors and connection parents. */
  Optional<ConfigKey> configKey(JsonNode n) {
    String id = required(n, "id");
    keys(n, CONFIG_KEY_KEYS, id);
    String kind = n.path("kind").asText("");
    if (!CONFIG_KINDS.contains(kind)) {
      problems.add(where(id) + "kind '" + kind + "' is not one of " + new java.util.TreeSet<>(CONFIG_KINDS));
      return Optional.empty();
    }
    List<String> prefixes = strings(n, "prefixes");
    List<String> values = strings(n, "selectors");
    List<String> connections = strings(n, "connections");
    if (prefixes.isEmpty() && values.isEmpty()) problems.add(where(id) + "needs prefixes or selectors");
    for (String k : prefixes) if (!CONFIG_KEY.matcher(k).matches() || k.contains("*")) problems.add(where(id) + "prefix '" + k + "' is not a dotted key");
    for (String k : connections) if (!CONFIG_KEY.matcher(k).matches() || k.contains("*")) problems.add(where(id) + "connections '" + k + "' is not a dotted key");
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq <= 0 || eq == v.length() - 1 || !CONFIG_KEY.matcher(v.substring(0, eq)).matches()) problems.add(where(id) + "selector '" + v + "' is not keyGlob=value");
    }
    List<ConfigKey.Selector> selectors = values.stream().filter(v -> v.indexOf('=') > 0).map(ConfigKey.Selector::parse).toList();
    return Optional.of(new ConfigKey(id, text(n, "signature", id), n.path("provider").asText(""), FindingKind.parse(kind),
        prefixes, selectors, connections));
  }

  Optional<Rule> rule(JsonNode n) {
    String id = required(n, "id");
    keys(n, RULE_KEYS, id);
    try {
      return Optional.of(new Rule(id, text(n, "name", id), CatalogueLoader.severity(n.path("severity").asText("")),
          text(n, "short", id), text(n, "full", id), text(n, "help", id)));
    } catch (IllegalArgumentException e) {
      problems.add(where(id) + e.getMessage());
      return Optional.empty();
    }
  }

  Optional<LineageMarker> lineageMarker(JsonNode n) {
    String id = required(n, "id");
    keys(n, LINEAGE_KEYS, id);
    if (!n.has("kind")) problems.add(where(id) + "missing 'kind'");
    LineageMarker.Kind kind = enumValue(n, "kind", id, LineageMarker.Kind.class, LineageMarker.Kind.MANUAL);
    String label = n.path("label").asText("");
    String annotation = n.path("annotation").asText("");
    if (label.isBlank() && annotation.isBlank()) problems.add(where(id) + "needs a 'label' or an 'annotation' key");
    String value = n.path("value").asText("");
    if (!value.isEmpty() && label.isEmpty()) problems.add(where(id) + "'value' applies to labels only");
    return Optional.of(new LineageMarker(id, kind, label, annotation, value, n.path("note").asText("")));
  }

  /** A known AI app or MCP server: images are bare repositories (no tag or digest), commands start with a program. */
  Optional<KnownApp> knownApp(JsonNode n) {
    String id = required(n, "id");
    keys(n, APP_KEYS, id);
    if (!n.has("kind")) problems.add(where(id) + "missing 'kind'");
    KnownApp.Kind kind = enumValue(n, "kind", id, KnownApp.Kind.class, KnownApp.Kind.AI_APP);
    List<String> images = strings(n, "images");
    for (String i : images) {
      if (!IMAGE_REPO.matcher(i).matches() || i.contains("@") || i.matches(".*/[^/]*:.*")
          || !i.contains("/") && i.contains(":")) {
        problems.add(where(id) + "image '" + i + "' is not a lower-case repository without tag or digest");
      }
    }
    List<String> commands = strings(n, "commands");
    for (String c : commands) if (c.trim().startsWith("-") || c.trim().startsWith("*")) problems.add(where(id) + "command '" + c + "' must start with a program");
    if (images.isEmpty() && commands.isEmpty()) problems.add(where(id) + "needs images or commands");
    return Optional.of(new KnownApp(id, text(n, "name", id), kind, maturity(n, id), images, commands));
  }

  WalkerSettings walker(JsonNode n) {
    keys(n, Set.of("skipDirs", "maxFileBytes", "generatedSuffixes"), "walker");
    long max = n.path("maxFileBytes").asLong(4L << 20);
    if (max < 1024) problems.add(file + ": walker.maxFileBytes must be at least 1024");
    return new WalkerSettings(strings(n, "skipDirs"), max, strings(n, "generatedSuffixes"));
  }

  List<String> strings(JsonNode n, String key) {
    JsonNode list = n.path(key);
    if (list.isMissingNode()) return List.of();
    if (!list.isArray()) {
      problems.add(file + ": '" + key + "' must be a list");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonNode x : list) {
      if (!x.isValueNode() || x.asText().isBlank()) problems.add(file + ": '" + key + "' holds an empty or non-text item");
      else out.add(x.asText());
    }
    return out;
  }

  private <T> List<T> parsed(JsonNode n, String key, String id, Function<String, T> parser) {
    List<T> out = new ArrayList<>();
    for (String s : strings(n, key)) {
      try {
        out.add(parser.apply(s));
      } catch (IllegalArgumentException e) {
        problems.add(where(id) + e.getMessage());
      }
    }
    return out;
  }

  String required(JsonNode n, String key) {
    String v = n.path(key).asText("");
    if (key.equals("id") && !v.isBlank() && !KEBAB.matcher(v).matches()) problems.add(file + ": id '" + v + "' is not kebab-case");
    if (v.isBlank()) {
      problems.add(file + ": an entry has no '" + key + "': " + CatalogueLoader.firstLine(n.toString()));
      return "?";
    }
    return v;
  }

  String text(JsonNode n, String key, String id) {
    String v = n.path(key).asText("");
    if (v.isBlank()) problems.add(where(id) + "missing '" + key + "'");
    return v;
  }

  Maturity maturity(JsonNode n, String id) {
    return enumValue(n, "maturity", id, Maturity.class, Maturity.STABLE);
  }

  <E extends Enum<E>> E enumValue(JsonNode n, String key, String id, Class<E> type, E fallback) {
    String v = n.path(key).asText("");
    if (v.isEmpty() && fallback != null) return fallback;
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      problems.add(where(id) + key + " '" + v + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
      return fallback != null ? fallback : type.getEnumConstants()[0];
    }
  }

  void keys(JsonNode n, Set<String> allowed, String id) {
    if (!n.isObject()) {
      problems.add(where(id) + "entry must be a mapping");
      return;
    }
    n.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) problems.add(where(id) + "unknown key '" + k + "'");
    });
  }

  void problem(String id, String message) {
    problems.add(where(id) + message);
  }

  private String where(String id) {
    return file + ": " + id + ": ";
  }
}
