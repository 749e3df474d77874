package dev.wraith.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wraith.model.McpPackage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The data behind tool inspection and runtime discovery ({@code catalogue/mcp-probe.yaml}): capability words,
 * hidden-instruction patterns, invisible code point ranges, MCP name patterns and process patterns. Loading
 * validates everything and reports every problem at once.
 */
public record ProbeRules(Map<String, Set<String>> capabilities, List<Marker> injection, List<Invisible> invisible,
    List<Pattern> mcpNames, List<ProcessRule> processes) {

  /** A hidden-instruction pattern. */
  public record Marker(String id, Pattern pattern) {}

  /** Code point ranges, each {@code {from, to}} inclusive. */
  public record Invisible(String id, List<int[]> ranges) {
    boolean contains(int cp) {
      for (int[] r : ranges) if (cp >= r[0] && cp <= r[1]) return true;
      return false;
    }
  }

  /** A running process's argv pattern with a {@code pkg} group. */
  public record ProcessRule(String id, McpPackage.Ecosystem ecosystem, Pattern pattern) {}

  private static final String RESOURCE = "/catalogue/mcp-probe.yaml";
  private static final Set<String> TOP = Set.of("schema", "capabilities", "injection", "invisible", "mcpNames", "processes");
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public ProbeRules {
    capabilities = Map.copyOf(capabilities);
    injection = List.copyOf(injection);
    invisible = List.copyOf(invisible);
    mcpNames = List.copyOf(mcpNames);
    processes = List.copyOf(processes);
  }

  /** The bundled rules; a broken bundle is a build defect, so it throws. */
  public static ProbeRules bundled() {
    try (InputStream in = ProbeRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing");
      return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ProbeRules parse(JsonNode doc) {
    List<String> problems = new ArrayList<>();
    doc.fieldNames().forEachRemaining(k -> { if (!TOP.contains(k)) problems.add("unknown key '" + k + "'"); });
    if (doc.path("schema").asInt() != 1) problems.add("schema must be 1");
    Map<String, Set<String>> caps = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : doc.path("capabilities").properties()) {
      List<String> words = new ArrayList<>();
      e.getValue().forEach(w -> words.add(w.asText()));
      if (words.isEmpty()) problems.add("capability '" + e.getKey() + "' has no words");
      caps.put(e.getKey(), Set.copyOf(words));
    }
    List<Marker> markers = new ArrayList<>();
    for (JsonNode n : doc.path("injection")) markers.add(new Marker(id(n, problems), regex(n, problems)));
    List<Invisible> invisible = new ArrayList<>();
    for (JsonNode n : doc.path("invisible")) invisible.add(new Invisible(id(n, problems), ranges(n, problems)));
    List<Pattern> names = new ArrayList<>();
    for (JsonNode n : doc.path("mcpNames")) names.add(compile(n.asText(), problems));
    List<ProcessRule> procs = new ArrayList<>();
    for (JsonNode n : doc.path("processes")) {
      Pattern p = regex(n, problems);
      if (!p.pattern().contains("(?<pkg>")) problems.add("process rule '" + n.path("id").asText() + "' has no (?<pkg>...) group");
      McpPackage.Ecosystem eco = switch (n.path("ecosystem").asText()) {
        case "npm" -> McpPackage.Ecosystem.NPM;
        case "pypi" -> McpPackage.Ecosystem.PYPI;
        case "local" -> McpPackage.Ecosystem.LOCAL;
        default -> {
          problems.add("process rule '" + n.path("id").asText() + "': ecosystem must be npm, pypi or local");
          yield McpPackage.Ecosystem.NONE;
        }
      };
      procs.add(new ProcessRule(id(n, problems), eco, p));
    }
    if (caps.isEmpty() || markers.isEmpty() || invisible.isEmpty() || names.isEmpty()) problems.add("every section must have entries");
    if (!problems.isEmpty()) throw new IllegalStateException(RESOURCE + ": " + String.join("; ", problems));
    return new ProbeRules(caps, markers, invisible, names, procs);
  }

  private static String id(JsonNode n, List<String> problems) {
    String id = n.path("id").asText("");
    if (!ID.matcher(id).matches()) problems.add("id '" + id + "' is not kebab-case");
    return id;
  }

  private static Pattern regex(JsonNode n, List<String> problems) {
    return compile(n.path("pattern").asText(""), problems);
  }

  private static Pattern compile(String regex, List<String> problems) {
    try {
      if (regex.isEmpty()) throw new PatternSyntaxException("empty", regex, 0);
      return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      problems.add("pattern '" + regex + "' does not compile");
      return Pattern.compile("(?!)");
    }
  }

  private static List<int[]> ranges(JsonNode n, List<String> problems) {
    List<int[]> out = new ArrayList<>();
    for (JsonNode r : n.path("ranges")) {
      String[] ends = r.asText().split("-", 2);
      try {
        int from = Integer.parseInt(ends[0], 16);
        int to = ends.length > 1 ? Integer.parseInt(ends[1], 16) : from;
        if (to < from || to > Character.MAX_CODE_POINT) throw new NumberFormatException();
        out.add(new int[] {from, to});
      } catch (NumberFormatException e) {
        problems.add("range '" + r.asText() + "' is not HEX or HEX-HEX");
      }
    }
    if (out.isEmpty()) problems.add("invisible '" + n.path("id").asText() + "' has no ranges");
    return out;
  }
}
