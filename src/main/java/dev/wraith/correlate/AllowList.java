package dev.wraith.correlate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.catalogue.ImageName;
import dev.wraith.files.Limits;
import dev.wraith.files.Parsers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runtime AI the user has reviewed and accepts as third-party ("shadow AI", not a ghost). The file format:
 *
 * <pre>
 * allow:
 *   - image: ghcr.io/acme/chatbot          # an image repository (tag and digest ignored), see ImageName
 *   - workload: support/chatbot            # namespace/name of a cluster workload
 *   - process: /opt/tool/bin/summarize     # an executable or entry-script path, exact
 *     note: reviewed by secops 2026-02     # optional, shown in the reasons
 * </pre>
 *
 * Each entry has exactly one of image, workload, process, plus an optional note. Anything else is an error that
 * names the entry.
 */
public record AllowList(List<Entry> entries) {
  /** What an entry matches on. */
  public enum Kind { IMAGE, WORKLOAD, PROCESS }

  public record Entry(Kind kind, String value, String note) {
    public Entry {
      if (kind == null || value == null || note == null) throw new NullPointerException();
    }
  }

  public static final AllowList EMPTY = new AllowList(List.of());

  private static final Set<String> KEYS = Set.of("image", "workload", "process", "note");
  private static final ObjectMapper YAML = Parsers.yaml2(Limits.DEFAULT);

  public AllowList {
    entries = List.copyOf(entries);
  }

  /**
   * Parses the YAML text of an allow-list file; {@code source} names the file in errors. Read within the shared input
   * limits: a document nested deeper than {@link Limits#depth()} is refused like a syntax error.
   */
  public static AllowList parse(String yaml, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": " + Parsers.why(e, "YAML", Limits.DEFAULT)
          + "; fix it or see the format with 'wraith scan-all --help'");
    }
    if (root == null || root.isMissingNode() || root.isNull()) return EMPTY;
    if (!root.isObject()) throw new IllegalArgumentException(source + ": expected a mapping with key 'allow'");
    List<String> errors = new ArrayList<>();
    root.fieldNames().forEachRemaining(k -> {
      if (!k.equals("allow")) errors.add(source + ": unknown key '" + k + "' (only 'allow')");
    });
    JsonNode allow = root.path("allow");
    List<Entry> out = new ArrayList<>();
    if (!allow.isMissingNode() && !allow.isNull() && !allow.isArray()) errors.add(source + ": 'allow' must be a list");
    if (allow.isArray()) {
      for (int i = 0; i < allow.size(); i++) entry(allow.get(i), source + ": allow[" + i + "]", errors).ifPresent(out::add);
    }
    if (!errors.isEmpty()) throw new IllegalArgumentException(String.join("\n", errors));
    return new AllowList(out);
  }

  /** The entry that allows this image reference, if any. */
  public Optional<Entry> image(String image) {
    if (image.isEmpty()) return Optional.empty();
    return find(Kind.IMAGE, v -> ImageName.matches(image, v));
  }

  public Optional<Entry> workload(String namespace, String name) {
    return find(Kind.WORKLOAD, v -> v.equals(namespace + "/" + name));
  }

  /** The entry naming one of these paths (executable, entry script), if any. */
  public Optional<Entry> process(List<String> paths) {
    return find(Kind.PROCESS, v -> paths.contains(v));
  }

  private Optional<Entry> find(Kind kind, java.util.function.Predicate<String> p) {
    return entries.stream().filter(e -> e.kind() == kind && p.test(e.value())).findFirst();
  }

  private static Optional<Entry> entry(JsonNode n, String where, List<String> errors) {
    if (!n.isObject()) {
      errors.add(where + ": expected a mapping such as {image: REPOSITORY}");
      return Optional.empty();
    }
    List<Entry> found = new ArrayList<>();
    String note = n.path("note").isTextual() ? n.path("note").asText() : "";
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      var f = it.next();
      if (!KEYS.contains(f.getKey())) {
        errors.add(where + ": unknown key '" + f.getKey() + "' (image, workload, process, note)");
        continue;
      }
      if (!f.getValue().isTextual() || f.getValue().asText().isBlank()) {
        errors.add(where + ": '" + f.getKey() + "' must be a non-empty string");
        continue;
      }
      if (f.getKey().equals("note")) continue;
      String v = f.getValue().asText().trim();
      Kind kind = Kind.valueOf(f.getKey().toUpperCase(java.util.Locale.ROOT));
      if (kind == Kind.WORKLOAD && (v.indexOf('/') <= 0 || v.indexOf('/') != v.lastIndexOf('/') || v.endsWith("/"))) {
        errors.add(where + ": workload must be NAMESPACE/NAME, got '" + v + "'");
        continue;
      }
      found.add(new Entry(kind, v, note));
    }
    if (found.size() != 1 && errors.stream().noneMatch(e -> e.startsWith(where))) {
      errors.add(where + ": needs exactly one of image, workload, process");
    }
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

}
