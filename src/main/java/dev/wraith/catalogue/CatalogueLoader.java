package dev.wraith.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.wraith.files.FileProblem;
import dev.wraith.files.InputFile;
import dev.wraith.files.Limits;
import dev.wraith.files.Parsers;
import dev.wraith.model.FindingKind;
import dev.wraith.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the bundled catalogue from the classpath, applies a user overlay directory, and validates the
 * result. Every problem is collected and reported together; nothing half-valid is ever returned.
 *
 * <p>An overlay directory holds YAML files with the same sections as the bundle ({@code providers},
 * {@code sdks}, {@code frameworks}, {@code codeHints}, {@code lineage}, {@code apps}, {@code mcpClients}, {@code mcpPublishers},
 * {@code configKeys}, {@code secrets}); an entry whose id exists
 * replaces the built-in one, and {@code disable: [id, ...]} removes built-ins.
 */
public final class CatalogueLoader {
  private static final String BUNDLE = "/catalogue/";
  private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
  private static final Set<String> SECTIONS =
      Set.of("schema", "version", "files", "providers", "sdks", "frameworks", "codeHints", "rules", "walker", "lineage", "apps",
          "mcpClients", "mcpPublishers", "secrets", "disable",
          "configKeys");

  /** Overlay files are small: read whole, within the shared limits (1 MiB, nesting depth, regular files only). */
  private static final Limits OVERLAY = Limits.DEFAULT.withDocumentBytes(1 << 20);
  private ObjectMapper yaml; // made on first use: start-up reads the compiled bundle, not YAML
  /** The build-time parse of the bundled YAML ({@link CompiledBundle}), or null to read the YAML itself. */
  private final Map<String, JsonNode> compiled = CompiledBundle.read().orElse(null);
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Provider> providers = new LinkedHashMap<>();
  private final Map<String, Signature> signatures = new LinkedHashMap<>();
  private final Map<String, Rule> rules = new LinkedHashMap<>();
  private final Map<String, LineageMarker> lineage = new LinkedHashMap<>();
  private final Map<String, KnownApp> apps = new LinkedHashMap<>();
  private final Map<String, McpClient> mcpClients = new LinkedHashMap<>();
  private final Map<String, McpPublisher> mcpPublishers = new LinkedHashMap<>();
  private final Map<String, ConfigKey> configKeys = new LinkedHashMap<>();
  private final SecretEntries secrets = new SecretEntries();
  private final List<String> modelArgs = new ArrayList<>();
  private final Map<String, String> generationArgs = new LinkedHashMap<>();
  private final List<String> credentialKeys = new ArrayList<>();
  private WalkerSettings walker = new WalkerSettings(List.of(), 4L << 20, List.of());
  private int schema;
  private String version = "";

  private CatalogueLoader() {}

  /** The bundled catalogue alone. */
  public static Catalogue bundled() {
    return load(null);
  }

  /** The bundled catalogue with the overlay directory applied, or alone when {@code overlay} is null. */
  public static Catalogue load(Path overlay) {
    CatalogueLoader l = new CatalogueLoader();
    l.readBundle();
    if (overlay != null) l.readOverlay(overlay);
    l.validate();
    if (!l.problems.isEmpty()) throw new CatalogueException(l.problems);
    return new Catalogue(l.schema, l.version, List.copyOf(l.providers.values()), List.copyOf(l.signatures.values()),
        new CodeHints(l.modelArgs, l.generationArgs, l.credentialKeys), List.copyOf(l.rules.values()), l.walker,
        List.copyOf(l.lineage.values()), List.copyOf(l.apps.values()),
        List.copyOf(l.mcpClients.values()), List.copyOf(l.mcpPublishers.values()),
        List.copyOf(l.configKeys.values()), l.secrets.rules());
  }

  private void readBundle() {
    JsonNode index = readResource("catalogue.yaml");
    if (index == null) return;
    schema = index.path("schema").asInt(-1);
    version = index.path("version").asText("");
    if (schema != Catalogue.SCHEMA) problems.add("catalogue.yaml: schema " + schema + " is not supported (expected " + Catalogue.SCHEMA + ")");
    if (!SEMVER.matcher(version).matches()) problems.add("catalogue.yaml: version '" + version + "' is not semver");
    for (JsonNode f : index.path("files")) {
      JsonNode doc = readResource(f.asText());
      if (doc != null) apply(f.asText(), doc, false);
    }
  }

  private void readOverlay(Path dir) {
    if (!Files.isDirectory(dir)) {
      problems.add(dir + ": --catalogue must name a directory of YAML files");
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      problems.add("--catalogue: " + FileProblem.describe(e, dir, "listing"));
      return;
    }
    if (files.isEmpty()) problems.add(dir + ": no .yaml files in the overlay directory");
    for (Path f : files) {
      JsonNode doc;
      try {
        doc = yaml().readTree(InputFile.readAll(f, OVERLAY.documentBytes()));
      } catch (JsonProcessingException e) {
        problems.add(f + ": " + Parsers.why(e, "YAML", OVERLAY));
        continue;
      } catch (IOException e) {
        problems.add(FileProblem.describe(e, f, "reading"));
        continue;
      }
      if (doc == null || doc.isMissingNode() || doc.isNull()) {
        problems.add(f + ": empty file");
        continue;
      }
      if (doc.has("schema") && doc.get("schema").asInt(-1) != Catalogue.SCHEMA) {
        problems.add(f + ": schema " + doc.get("schema").asText() + " is not supported (expected " + Catalogue.SCHEMA + ")");
        continue;
      }
      apply(f.toString(), doc, true);
    }
  }

  private JsonNode readResource(String name) {
    if (compiled != null && compiled.containsKey(name)) return compiled.get(name);
    try (InputStream in = CatalogueLoader.class.getResourceAsStream(BUNDLE + name)) {
      if (in == null) {
        problems.add("bundled catalogue file missing: " + name);
        return null;
      }
      return yaml().readTree(in);
    } catch (IOException e) {
      problems.add(name + ": " + Parsers.why(e, "YAML", OVERLAY));
      return null;
    }
  }

  private ObjectMapper yaml() {
    if (yaml == null) yaml = Parsers.yaml2(OVERLAY);
    return yaml;
  }

  private void apply(String file, JsonNode doc, boolean overlay) {
    if (!doc.isObject()) {
      problems.add(file + ": top level must be a mapping");
      return;
    }
    doc.fieldNames().forEachRemaining(k -> {
      if (!SECTIONS.contains(k)) problems.add(file + ": unknown section '" + k + "'");
    });
    Entries e = new Entries(file, problems);
    for (JsonNode n : doc.path("providers")) e.provider(n).ifPresent(p -> put(providers, p.id(), p, file, overlay));
    for (JsonNode n : doc.path("sdks")) e.signature(n, Signature.Type.SDK).ifPresent(s -> put(signatures, s.id(), s, file, overlay));
    for (JsonNode n : doc.path("frameworks")) e.signature(n, Signature.Type.FRAMEWORK).ifPresent(s -> put(signatures, s.id(), s, file, overlay));
    for (JsonNode n : doc.path("rules")) e.rule(n).ifPresent(r -> put(rules, r.id(), r, file, overlay));
    for (JsonNode n : doc.path("apps")) e.knownApp(n).ifPresent(a -> put(apps, a.id(), a, file, overlay));
    McpEntries mcp = new McpEntries(e);
    for (JsonNode n : doc.path("mcpClients")) mcp.client(n).ifPresent(c -> put(mcpClients, c.id(), c, file, overlay));
    for (JsonNode n : doc.path("mcpPublishers")) mcp.publisher(n).ifPresent(p -> put(mcpPublishers, p.id(), p, file, overlay));
    for (JsonNode n : doc.path("lineage")) e.lineageMarker(n).ifPresent(m -> put(lineage, m.id(), m, file, overlay));
    for (JsonNode n : doc.path("configKeys")) e.configKey(n).ifPresent(k -> put(configKeys, k.id(), k, file, overlay));
    if (doc.has("codeHints")) {
      JsonNode h = doc.get("codeHints");
      modelArgs.addAll(e.strings(h, "modelArgs"));
      credentialKeys.addAll(e.strings(h, "credentialKeys"));
      h.path("generationArgs").fields().forEachRemaining(f -> generationArgs.put(f.getKey(), f.getValue().asText()));
    }
    if (doc.has("walker")) walker = e.walker(doc.get("walker"));
    if (doc.has("secrets")) secrets.read(e, file, doc.get("secrets"), overlay);
    for (JsonNode d : doc.path("disable")) {
      String id = d.asText();
      if (!overlay) problems.add(file + ": 'disable' is only for overlays");
      else if (providers.remove(id) == null && signatures.remove(id) == null && lineage.remove(id) == null
          && apps.remove(id) == null && mcpClients.remove(id) == null && mcpPublishers.remove(id) == null
          && configKeys.remove(id) == null && !secrets.disable(id)) {
        problems.add(file + ": disable: no entry with id '" + id + "'");
      }
    }
  }

  private <T> void put(Map<String, T> map, String id, T value, String file, boolean overlay) {
    if (map.containsKey(id) && !overlay) problems.add(file + ": duplicate id '" + id + "'");
    map.put(id, value);
  }

  private void validate() {
    Set<String> ids = new HashSet<>();
    for (String id : providers.keySet()) if (!ids.add(id)) problems.add("id '" + id + "' is used twice");
    for (String id : signatures.keySet()) if (!ids.add(id)) problems.add("id '" + id + "' is used by a provider and a signature");
    for (String id : apps.keySet()) if (!ids.add(id)) problems.add("id '" + id + "' is used by an app and a provider or signature");
    for (String id : mcpPublishers.keySet()) if (!ids.add(id)) problems.add("id '" + id + "' is used by an MCP publisher and another entry");
    for (String id : configKeys.keySet()) if (!ids.add(id)) problems.add("id '" + id + "' is used by a config key entry and another entry");
    for (ConfigKey k : configKeys.values()) {
      checkProvider(k.id(), k.provider());
      if (!signatures.containsKey(k.signature())) problems.add(k.id() + ": unknown signature '" + k.signature() + "'");
    }
    for (Signature s : signatures.values()) {
      checkProvider(s.id(), s.provider());
      checkProvider(s.id() + " impliedProvider", s.impliedProvider());
      for (Symbol sym : s.symbols()) checkProvider(s.id() + " symbol " + sym.call(), sym.provider());
      for (String t : s.triggers()) if (t.length() < 4) problems.add(s.id() + ": trigger '" + t + "' is shorter than 4 characters");
      if (s.triggers().isEmpty()) problems.add(s.id() + ": no prefilter triggers (give modules of 4+ characters or explicit triggers)");
    }
    secrets.validate(problems);
    for (FindingKind k : FindingKind.values()) if (!rules.containsKey(k.id())) problems.add("rules: no rule for finding kind '" + k.id() + "'");
  }

  private void checkProvider(String where, String provider) {
    if (!provider.isEmpty() && !providers.containsKey(provider)) problems.add(where + ": unknown provider '" + provider + "'");
  }

  static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Severity by id, for rules. */
  static Severity severity(String s) {
    return Severity.parse(s);
  }
}
