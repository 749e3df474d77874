package dev.wraith.mcp;

import dev.wraith.model.McpPackage;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpTransport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads one server object in any client's dialect: {@code command} as a string (or Zed's
 * {@code {path, args, env}}), {@code args}, {@code env}, {@code url} / {@code serverUrl} / {@code httpUrl},
 * {@code type} / {@code transport}. A field of the wrong type is a warning and is ignored; a server with
 * neither a command nor a usable URL is a warning and is dropped.
 */
final class ServerFields {
  private final String name;
  private final JsonNode node;
  private final String where;
  private final List<String> warnings;
  private final dev.wraith.redact.Redactor redactor;

  ServerFields(String name, JsonNode node, String where, List<String> warnings, dev.wraith.redact.Redactor redactor) {
    this.redactor = redactor;
    this.name = name;
    this.node = node;
    this.where = where;
    this.warnings = warnings;
  }

  /** {@code root} is what the config's paths are relative to: the project root, or the home directory. */
  Optional<ConfigReader.Entry> build(String client, String source, java.nio.file.Path root) {
    JsonNode cmd = node.path("command");
    JsonNode spec = cmd.isObject() ? cmd : node;
    String command = text(cmd.isObject() ? cmd : node, cmd.isObject() ? "path" : "command");
    List<String> args = strings(spec, "args");
    TreeSet<String> env = new TreeSet<>(names(spec, "env"));
    env.addAll(dockerEnvNames(args));
    String rawUrl = firstText("url", "serverUrl", "httpUrl");
    Optional<RemoteUrl> url = rawUrl.isEmpty() ? Optional.empty() : RemoteUrl.parse(rawUrl);
    if (!rawUrl.isEmpty() && url.isEmpty()) warnings.add(where + ": url is not an absolute URL; ignored");
    if (command.isEmpty() && url.isEmpty()) {
      warnings.add(where + ": neither a command nor a URL; skipped");
      return Optional.empty();
    }
    McpTransport transport = transport(!command.isEmpty());
    List<String> shown = shown(command, args);
    McpServer server = new McpServer(name, client, source, transport, shown.get(0), shown.subList(1, shown.size()),
        url.map(RemoteUrl::display).orElse(""), url.map(RemoteUrl::host).orElse(""), List.copyOf(env),
        command.isEmpty() ? McpPackage.NONE : Launch.of(command, args));
    ServerLaunch launch = new ServerLaunch(transport, command, args, values(spec, "env"), url.isPresent() ? rawUrl : "",
        values(node, "headers"), cwd(spec, root));
    return Optional.of(new ConfigReader.Entry(server, launch));
  }

  /** The command and its arguments as reports may show them: one argument list through the redactor. */
  private List<String> shown(String command, List<String> args) {
    List<String> argv = new java.util.ArrayList<>();
    argv.add(command);
    argv.addAll(args);
    return redactor.argv(argv);
  }

  private String cwd(JsonNode spec, java.nio.file.Path root) {
    String cwd = text(spec, "cwd");
    if (root == null) return cwd;
    return (cwd.isEmpty() ? root : root.resolve(cwd)).toAbsolutePath().normalize().toString();
  }

  /** The raw values of a string map, for the probe only; non-text values are left out (names() already warned). */
  private static Map<String, String> values(JsonNode n, String key) {
    JsonNode v = n.path(key);
    Map<String, String> out = new TreeMap<>();
    if (v.isObject()) v.properties().forEach(e -> { if (e.getValue().isValueNode() && !e.getValue().isNull()) out.put(e.getKey(), e.getValue().asText()); });
    return out;
  }

  private McpTransport transport(boolean hasCommand) {
    String type = (node.path("type").isTextual() ? node.get("type").asText() : node.path("transport").asText("")).toLowerCase(Locale.ROOT);
    if (type.contains("sse")) return McpTransport.SSE;
    if (type.contains("http")) return McpTransport.HTTP;
    if (hasCommand) return McpTransport.STDIO;
    return node.path("url").asText("").toLowerCase(Locale.ROOT).replaceFirst("\\?.*", "").endsWith("/sse") ? McpTransport.SSE : McpTransport.HTTP;
  }

  private String firstText(String... keys) {
    for (String k : keys) {
      String v = text(node, k);
      if (!v.isEmpty()) return v;
    }
    return "";
  }

  private String text(JsonNode n, String key) {
    return value(n, key, JsonNode::isTextual, "a string").map(v -> v.asText().trim()).orElse("");
  }

  private List<String> strings(JsonNode n, String key) {
    List<String> out = new ArrayList<>();
    value(n, key, JsonNode::isArray, "a list").ifPresent(v -> v.forEach(x -> {
      if (x.isValueNode() && !x.isNull()) out.add(x.asText());
      else warnings.add(where + ": '" + key + "' holds a non-text item; ignored");
    }));
    return out;
  }

  /** Names only: the values of env (and headers) are never read into the model. */
  private List<String> names(JsonNode n, String key) {
    List<String> out = new ArrayList<>();
    value(n, key, JsonNode::isObject, "an object").ifPresent(v -> v.fieldNames().forEachRemaining(out::add));
    return out;
  }

  /** The value under {@code key}: absent or null is empty, any other type than {@code expected} a warning and empty. */
  private Optional<JsonNode> value(JsonNode n, String key, java.util.function.Predicate<JsonNode> type, String expected) {
    JsonNode v = n.path(key);
    if (v.isMissingNode() || v.isNull()) return Optional.empty();
    if (!type.test(v)) {
      warnings.add(where + ": '" + key + "' is not " + expected + "; ignored");
      return Optional.empty();
    }
    return Optional.of(v);
  }

  /** {@code docker run -e NAME[=value]}: the names the container gets. */
  private static List<String> dockerEnvNames(List<String> args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).equals("-e") || args.get(i).equals("--env")) out.add(args.get(i + 1).split("=", 2)[0]);
    }
    return out;
  }
}
