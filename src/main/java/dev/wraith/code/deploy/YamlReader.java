package dev.wraith.code.deploy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads multi-document YAML (or a JSON stream) into {@link YamlNode} trees with line numbers, from the
 * event stream: nothing is ever expanded, aliases reuse the anchored node (at most {@value #MAX_ALIASES}
 * per file, so alias bombs stay small) and {@code <<} merge keys are honoured. Limits are explicit:
 * nesting, string and document sizes, document count. Errors are reported by line only, never with the
 * parser's message, which can quote the input (and so a secret).
 */
final class YamlReader {
  static final int MAX_DEPTH = 64;
  static final int MAX_ALIASES = 100;
  static final int MAX_DOCUMENTS = 5_000;
  private static final int MAX_BYTES = 8 << 20;

  /** The documents read before the end or the first error; {@code error} is "" when the input was clean. */
  record Result(List<YamlNode> documents, String error) {
    Result {
      documents = List.copyOf(documents);
    }
  }

  private static final YAMLFactory YAML = YAMLFactory.builder()
      .loaderOptions(loaderOptions())
      .streamReadConstraints(constraints())
      .build();
  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(constraints()).build();

  private YamlReader() {}

  static Result yaml(String text) {
    return read(YAML, text);
  }

  static Result json(String text) {
    return read(JSON, text);
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions o = new LoaderOptions();
    o.setCodePointLimit(MAX_BYTES);
    o.setNestingDepthLimit(MAX_DEPTH);
    o.setMaxAliasesForCollections(MAX_ALIASES);
    o.setAllowDuplicateKeys(true);
    o.setAllowRecursiveKeys(false);
    o.setProcessComments(false);
    return o;
  }

  private static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH)
        .maxStringLength(1 << 20)
        .maxNumberLength(100)
        .maxNameLength(10_000)
        .maxDocumentLength(MAX_BYTES)
        .build();
  }

  private static Result read(JsonFactory factory, String text) {
    List<YamlNode> docs = new ArrayList<>();
    try (JsonParser p = factory.createParser(text)) {
      Builder b = new Builder(p);
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (docs.size() >= MAX_DOCUMENTS) return new Result(docs, "more than " + MAX_DOCUMENTS + " documents; the rest skipped");
        docs.add(b.node(t, 0));
      }
      return new Result(docs, "");
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      return new Result(docs, "not valid " + (factory == YAML ? "YAML" : "JSON") + (line > 0 ? " near line " + line : ""));
    } catch (IOException | RuntimeException e) { // SnakeYAML limit and scanner errors surface unchecked
      System.getLogger(YamlReader.class.getName()).log(System.Logger.Level.DEBUG, "reading a deployment file", e);
      return new Result(docs, "unreadable " + (factory == YAML ? "YAML" : "JSON") + " (beyond a parser limit, or "
          + "malformed; run with --debug for details)");
    }
  }

  /** Builds one document from the current token; keeps anchors for aliases. */
  private static final class Builder {
    private final JsonParser p;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private int aliases;

    Builder(JsonParser p) {
      this.p = p;
    }

    YamlNode node(JsonToken t, int depth) throws IOException {
      if (depth > MAX_DEPTH) throw new JsonProcessingException("too deep", p.currentTokenLocation()) {};
      int line = p.currentTokenLocation().getLineNr();
      String anchor = p instanceof YAMLParser y ? y.getObjectId() : null; // the anchor of this node, if any
      YamlNode n = switch (t) {
        case START_OBJECT -> mapping(line, depth);
        case START_ARRAY -> sequence(line, depth);
        default -> scalar(line);
      };
      if (anchor != null && !(p instanceof YAMLParser y && y.isCurrentAlias())) anchors.put(anchor, n);
      return n;
    }

    private YamlNode scalar(int line) throws IOException {
      if (p instanceof YAMLParser y && y.isCurrentAlias()) {
        YamlNode target = anchors.get(p.getText());
        if (target != null && ++aliases <= MAX_ALIASES) return target;
        return new YamlNode.Scalar("", line);
      }
      String text = p.currentToken() == JsonToken.VALUE_NULL ? "" : p.getText();
      return new YamlNode.Scalar(text == null ? "" : text, line);
    }

    private YamlNode mapping(int line, int depth) throws IOException {
      List<YamlNode.Entry> entries = new ArrayList<>();
      List<YamlNode.Entry> merged = new ArrayList<>();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_OBJECT && t != null) {
        String key = p.currentName();
        int keyLine = p.currentTokenLocation().getLineNr();
        YamlNode value = node(p.nextToken(), depth + 1);
        if ("<<".equals(key)) {
          merge(value, merged);
        } else {
          entries.add(new YamlNode.Entry(key == null ? "" : key, keyLine, value));
        }
      }
      entries.addAll(merged); // explicit keys come first, so they win over merged ones
      return new YamlNode.Mapping(entries, line);
    }

    private static void merge(YamlNode value, List<YamlNode.Entry> into) {
      if (value instanceof YamlNode.Mapping m) into.addAll(m.entries());
      for (YamlNode i : YamlNode.items(value)) if (i instanceof YamlNode.Mapping m) into.addAll(m.entries());
    }

    private YamlNode sequence(int line, int depth) throws IOException {
      List<YamlNode> items = new ArrayList<>();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) items.add(node(t, depth + 1));
      return new YamlNode.Sequence(items, line);
    }
  }
}
