package dev.wraith.incluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helm is not installable from apt here, so the chart's templates are kept to a subset this renderer implements with
 * Helm's semantics: {@code {{ .Values.a.b }}}, {@code {{ X | quote }}}, {@code {{- toYaml X | nindent N }}},
 * {@code .Release.Namespace}, {@code .Release.Name}, {@code .Chart.Name}, {@code .Chart.AppVersion}, and the
 * whitespace trimming of <code>{{-</code> and <code>-}}</code>. Anything else fails the test, so the chart cannot drift into
 * constructs that were never checked.
 */
final class ChartRenderer {
  private static final Pattern ACTION = Pattern.compile("\\{\\{(-)?\\s*(.*?)\\s*(-)?}}", Pattern.DOTALL);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private final JsonNode values, chart;
  private final String namespace, release;

  ChartRenderer(JsonNode values, JsonNode chart, String namespace, String release) {
    this.values = values;
    this.chart = chart;
    this.namespace = namespace;
    this.release = release;
  }

  String render(String template) {
    StringBuilder out = new StringBuilder();
    Matcher m = ACTION.matcher(template);
    int pos = 0;
    boolean trimNext = false;
    while (m.find()) {
      String text = template.substring(pos, m.start());
      if (trimNext) text = text.stripLeading();
      out.append(text);
      if (m.group(1) != null) trimTrailing(out);
      out.append(evaluate(m.group(2)));
      trimNext = m.group(3) != null;
      pos = m.end();
    }
    String rest = template.substring(pos);
    out.append(trimNext ? rest.stripLeading() : rest);
    return out.toString();
  }

  private String evaluate(String expr) {
    String[] pipes = expr.split("\\|", -1);
    String head = pipes[0].trim();
    if (head.startsWith("toYaml ")) {
      JsonNode v = lookup(head.substring("toYaml ".length()).trim());
      if (pipes.length != 2 || !pipes[1].trim().matches("nindent \\d+")) throw new AssertionError("unsupported: " + expr);
      int n = Integer.parseInt(pipes[1].trim().substring("nindent ".length()));
      String yaml;
      try {
        yaml = YAML.writeValueAsString(v).stripTrailing();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      return "\n" + yaml.lines().map(l -> " ".repeat(n) + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }
    JsonNode v = lookup(head);
    if (!v.isValueNode()) throw new AssertionError(head + " is not a scalar");
    String s = v.asText();
    if (pipes.length == 1) return s;
    if (pipes.length == 2 && pipes[1].trim().equals("quote")) return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    throw new AssertionError("unsupported template construct: {{ " + expr + " }}");
  }

  private JsonNode lookup(String path) {
    return switch (path) {
      case ".Release.Namespace" -> YAML.getNodeFactory().textNode(namespace);
      case ".Release.Name" -> YAML.getNodeFactory().textNode(release);
      case ".Chart.Name" -> chart.path("name");
      case ".Chart.AppVersion" -> chart.path("appVersion");
      default -> value(path);
    };
  }

  private JsonNode value(String path) {
    if (!path.startsWith(".Values.")) throw new AssertionError("unsupported template construct: " + path);
    JsonNode n = values;
    for (String key : path.substring(".Values.".length()).split("\\.", -1)) {
      n = n.get(key);
      if (n == null) throw new AssertionError("no value " + path);
    }
    return n;
  }

  private static void trimTrailing(StringBuilder b) {
    int end = b.length();
    while (end > 0 && Character.isWhitespace(b.charAt(end - 1))) end--;
    b.setLength(end);
  }
}
