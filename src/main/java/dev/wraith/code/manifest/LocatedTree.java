package dev.wraith.code.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A JSON or YAML document as a tree plus the line of every object key, read in one streaming pass so each
 * finding points at the line that declares its package. YAML aliases are never expanded (the streaming
 * parser reports them as plain scalars), and both factories carry explicit size and depth limits.
 */
record LocatedTree(JsonNode root, Map<String, Integer> keyLines) {
  private static final int MAX_DEPTH = 200;
  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_DEPTH).maxStringLength(1 << 20).maxNameLength(1 << 16).build();
  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();
  private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(yamlLimits()).streamReadConstraints(LIMITS).build();

  static LocatedTree json(String text) throws MalformedManifestException {
    return read(JSON, text, "JSON");
  }

  /** Every document of a YAML stream ({@code ---} separated), each with its own key lines. */
  static List<LocatedTree> yamlDocuments(String text) throws MalformedManifestException {
    List<LocatedTree> docs = new ArrayList<>();
    try (JsonParser p = YAML.createParser(text)) {
      while (p.nextToken() != null) {
        Map<String, Integer> lines = new HashMap<>();
        docs.add(new LocatedTree(value(p, "", lines), lines));
      }
      return docs;
    } catch (JsonProcessingException e) {
      throw malformed(e, "YAML");
    } catch (IOException e) {
      throw new MalformedManifestException("unreadable YAML");
    }
  }

  /** The line of the key at this path of object keys (array indexes as decimal strings), or 0. */
  int line(String... path) {
    return keyLines.getOrDefault(String.join("\u0000", path), 0);
  }

  private static LoaderOptions yamlLimits() {
    LoaderOptions o = new LoaderOptions();
    o.setMaxAliasesForCollections(50);
    o.setAllowRecursiveKeys(false);
    o.setNestingDepthLimit(MAX_DEPTH);
    o.setCodePointLimit(8 << 20);
    o.setAllowDuplicateKeys(true);
    return o;
  }

  private static LocatedTree read(JsonFactory factory, String text, String format) throws MalformedManifestException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = factory.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) return new LocatedTree(JsonNodeFactory.instance.objectNode(), Map.of());
      return new LocatedTree(value(p, "", lines), lines);
    } catch (JsonProcessingException e) {
      throw malformed(e, format);
    } catch (IOException e) {
      throw new MalformedManifestException("unreadable " + format);
    }
  }

  /** Only the position survives: Jackson's messages quote the offending input. */
  private static MalformedManifestException malformed(JsonProcessingException e, String format) {
    int at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    return new MalformedManifestException("not valid " + format + (at > 0 ? " near line " + at : ""));
  }

  private static JsonNode value(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (p.currentToken()) {
      case START_OBJECT -> {
        ObjectNode o = nodes.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          String child = path.isEmpty() ? key : path + "\u0000" + key;
          lines.putIfAbsent(child, p.currentTokenLocation().getLineNr());
          p.nextToken();
          o.set(key, value(p, child, lines));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = nodes.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          String child = path.isEmpty() ? String.valueOf(i) : path + "\u0000" + i;
          lines.putIfAbsent(child, p.currentTokenLocation().getLineNr());
          a.add(value(p, child, lines));
          i++;
        }
        return a;
      }
      case VALUE_STRING -> {
        return nodes.textNode(p.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return nodes.textNode(p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return nodes.booleanNode(p.getBooleanValue());
      }
      default -> {
        return nodes.nullNode();
      }
    }
  }
}
