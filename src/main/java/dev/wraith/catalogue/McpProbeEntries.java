package dev.wraith.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wraith.model.McpPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the MCP probe sections ({@link McpProbeRules}), as strictly as {@link Entries} reads the rest. */
final class McpProbeEntries {
  private static final Set<String> CAPABILITY_KEYS = Set.of("id", "words");
  private static final Set<String> MARKER_KEYS = Set.of("id", "pattern");
  private static final Set<String> INVISIBLE_KEYS = Set.of("id", "ranges");
  private static final Set<String> PROCESS_KEYS = Set.of("id", "ecosystem", "pattern");

  private final Entries e;

  McpProbeEntries(Entries e) {
    this.e = e;
  }

  /** Words are whole lower-case words; the id must be a capability of the {@code capabilities} section. */
  Optional<McpProbeRules.ToolCapability> toolCapability(JsonNode n) {
    String id = e.required(n, "id");
    e.keys(n, CAPABILITY_KEYS, id);
    List<String> words = e.strings(n, "words");
    if (words.isEmpty()) e.problem(id, "has no words");
    for (String w : words) if (!w.matches("[a-z0-9]+")) e.problem(id, "word '" + w + "' is not one lower-case word");
    return Optional.of(new McpProbeRules.ToolCapability(id, Set.copyOf(words)));
  }

  Optional<McpProbeRules.Marker> marker(JsonNode n) {
    String id = e.required(n, "id");
    e.keys(n, MARKER_KEYS, id);
    return Optional.of(new McpProbeRules.Marker(id, pattern(n, id)));
  }

  /** Ranges are {@code HEX} or {@code HEX-HEX}, inclusive. */
  Optional<McpProbeRules.Invisible> invisible(JsonNode n) {
    String id = e.required(n, "id");
    e.keys(n, INVISIBLE_KEYS, id);
    List<McpProbeRules.CodePoints> ranges = new ArrayList<>();
    for (String r : e.strings(n, "ranges")) {
      String[] ends = r.split("-", 2);
      try {
        int from = Integer.parseInt(ends[0], 16);
        int to = ends.length > 1 ? Integer.parseInt(ends[1], 16) : from;
        if (from < 0 || to < from || to > Character.MAX_CODE_POINT) throw new NumberFormatException();
        ranges.add(new McpProbeRules.CodePoints(from, to));
      } catch (NumberFormatException bad) {
        e.problem(id, "range '" + r + "' is not HEX or HEX-HEX");
      }
    }
    if (ranges.isEmpty()) e.problem(id, "has no ranges");
    return Optional.of(new McpProbeRules.Invisible(id, ranges));
  }

  /** The pattern must capture the package as {@code (?<pkg>...)}. */
  Optional<McpProbeRules.ProcessRule> process(JsonNode n) {
    String id = e.required(n, "id");
    e.keys(n, PROCESS_KEYS, id);
    Pattern p = pattern(n, id);
    if (!p.pattern().contains("(?<pkg>")) e.problem(id, "pattern has no (?<pkg>...) group");
    McpPackage.Ecosystem eco = switch (n.path("ecosystem").asText("")) {
      case "npm" -> McpPackage.Ecosystem.NPM;
      case "pypi" -> McpPackage.Ecosystem.PYPI;
      case "local" -> McpPackage.Ecosystem.LOCAL;
      default -> {
        e.problem(id, "ecosystem must be npm, pypi or local");
        yield McpPackage.Ecosystem.NONE;
      }
    };
    return Optional.of(new McpProbeRules.ProcessRule(id, eco, p));
  }

  private Pattern pattern(JsonNode n, String id) {
    String regex = n.path("pattern").asText("");
    try {
      if (regex.isEmpty()) throw new PatternSyntaxException("empty", regex, 0);
      return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException bad) {
      e.problem(id, "pattern '" + regex + "' does not compile");
      return Pattern.compile("(?!)");
    }
  }
}
