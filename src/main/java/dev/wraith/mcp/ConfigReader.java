package dev.wraith.mcp;

import dev.wraith.model.McpServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.wraith.catalogue.McpClient;
import dev.wraith.files.Limits;
import dev.wraith.files.Parsers;
import dev.wraith.redact.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses one client config file into servers. Any problem (syntax, a servers key that is not an object or
 * list, a server that is not an object, a field of the wrong type) becomes a warning naming the file and key,
 * never the content, and the rest of the file is still read.
 */
record ConfigReader(McpClient client, String source, List<String> warnings, Path root, Redactor redactor) {
  /** A configured server and how to launch it (for the probe only). */
  record Entry(McpServer server, ServerLaunch launch) {}

  /** Config files are small documents: read within the shared limits, with their own size cap. */
  private static final Limits LIMITS = Limits.DEFAULT.withDocumentBytes((int) ConfigFiles.MAX_BYTES);
  private static final ObjectMapper JSONC = JsonMapper.builder(Parsers.jsonFactory2(LIMITS)).enable(
      JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
      JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();
  private static final ObjectMapper TOML = Parsers.toml2(LIMITS);
  private static final ObjectMapper YAML = Parsers.yaml2(LIMITS);

  List<Entry> read(String text) {
    JsonNode doc;
    try {
      doc = mapper().readTree(text);
    } catch (JsonProcessingException e) {
      warnings.add(source + ": " + Parsers.why(e, client.format().name(), LIMITS) + "; skipped");
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    if (doc == null || !doc.isObject()) {
      if (doc != null && !doc.isMissingNode()) warnings.add(source + ": top level is not an object; skipped");
      return out;
    }
    for (String key : client.keys()) for (JsonNode servers : resolve(doc, key.split("\\."), 0)) servers(servers, key, out);
    return out;
  }

  private ObjectMapper mapper() {
    return switch (client.format()) {
      case JSON -> JSONC;
      case TOML -> TOML;
      case YAML -> YAML;
    };
  }

  private static List<JsonNode> resolve(JsonNode node, String[] path, int i) {
    if (i == path.length) return List.of(node);
    if (!node.isObject()) return List.of();
    List<JsonNode> out = new ArrayList<>();
    if (path[i].equals("*")) {
      for (JsonNode child : node) out.addAll(resolve(child, path, i + 1));
    } else if (node.has(path[i])) {
      out.addAll(resolve(node.get(path[i]), path, i + 1));
    }
    return out;
  }

  private void servers(JsonNode servers, String key, List<Entry> out) {
    if (servers.isObject()) {
      for (Map.Entry<String, JsonNode> e : servers.properties()) server(e.getKey(), e.getValue(), key, out);
    } else if (servers.isArray()) {
      int i = 0;
      for (JsonNode s : servers) {
        String name = s.path("name").isTextual() ? s.get("name").asText() : "#" + i;
        server(name, s, key, out);
        i++;
      }
    } else if (!servers.isNull()) {
      warnings.add(source + ": '" + key + "' is not an object or list; skipped");
    }
  }

  private void server(String name, JsonNode node, String key, List<Entry> out) {
    if (!node.isObject()) {
      warnings.add(source + ": server '" + name + "' under '" + key + "' is not an object; skipped");
      return;
    }
    new ServerFields(name, node.has("transport") && node.get("transport").isObject() ? node.get("transport") : node,
        source + ": server '" + name + "'", warnings, redactor).build(client.name(), source, root).ifPresent(out::add);
  }
}
