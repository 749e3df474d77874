package dev.wraith.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wraith.files.FileProblem;
import dev.wraith.files.InputFile;
import dev.wraith.files.JsonValues;
import dev.wraith.files.Limits;
import dev.wraith.files.Parsers;
import dev.wraith.files.YamlDocuments;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads one {@code kubectl get -o json|yaml} file into Kubernetes objects, one at a time, through the shared bounded
 * readers: a JSON List's items and a YAML List's entries are parsed one by one, so no object larger than {@link
 * Limits#documentBytes()} (and no nesting deeper than {@link Limits#depth()}) is ever held, and a 5,000-pod snapshot is
 * never one tree. An object that breaks a limit or does not parse is a warning and the rest is read; a file in which
 * nothing could be read is a {@link FileProblem}; a file that parses but holds no object with a {@code kind} says so.
 */
final class SnapshotFile {
  /** How far to look for the first non-blank byte that tells JSON from YAML. */
  private static final int SNIFF = 1 << 16;

  private final Path file;
  private final Limits limits;
  private final ObjectMapper json;
  private final ObjectMapper yaml;
  /** Receives each object and the kind its List gives it (for items without their own kind; "" otherwise). */
  private final BiConsumer<JsonNode, String> sink;
  private final List<String> warnings = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private long objects;

  private SnapshotFile(Path file, Limits limits, BiConsumer<JsonNode, String> sink) {
    this.file = file;
    this.limits = limits;
    this.json = KubeJson.json(limits);
    this.yaml = KubeJson.yaml(limits);
    this.sink = sink;
  }

  /**
   * Reads {@code file}, handing each object to {@code sink}; returns the warnings.
   *
   * @throws FileProblem when the file cannot be read, is not JSON or YAML at all, or no object in it could be read
   */
  static List<String> read(Path file, Limits limits, BiConsumer<JsonNode, String> sink) throws FileProblem {
    SnapshotFile f = new SnapshotFile(file, limits, sink);
    f.read();
    return f.warnings;
  }

  private void read() throws FileProblem {
    boolean empty;
    try (InputStream raw = InputFile.open(file, limits); InputStream in = new BufferedInputStream(raw, SNIFF)) {
      in.mark(SNIFF);
      int first = firstNonBlank(in);
      in.reset();
      empty = first == -1;
      if (first == '{' || first == '[') JsonValues.read(in, limits, "items", new JsonPieces());
      else if (!empty) YamlDocuments.read(in, limits, "items", new YamlPieces());
    } catch (JsonValues.Malformed e) {
      throw new FileProblem(file + ": not a Kubernetes JSON snapshot: " + e.getMessage(), e);
    } catch (IOException e) {
      throw FileProblem.of(e, file, "reading");
    }
    if (objects == 0 && !errors.isEmpty()) {
      throw new FileProblem(errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problems)" : "")
          + "; nothing in the file could be read");
    }
    errors.forEach(e -> warnings.add(e + "; skipped"));
    if (objects == 0) {
      warnings.add(file + (empty ? ": empty, no Kubernetes objects" : ": holds no Kubernetes objects (nothing with a "
          + "'kind'); give the output of 'kubectl get -o json' or '-o yaml'"));
    }
  }

  private void object(JsonNode node, String listKind) {
    if (!node.isObject()) return;
    String kind = KubeJson.text(node.path("kind"), listKind);
    if (kind.isEmpty()) return;
    objects++;
    try {
      sink.accept(node, listKind);
    } catch (IllegalArgumentException | ClassCastException e) { // a field of the wrong shape for the kind's schema
      String name = KubeJson.text(node.path("metadata").path("name"), "");
      errors.add(file + ": the " + kind + (name.isEmpty() ? "" : " '" + name + "'") + " does not fit the Kubernetes "
          + kind + " schema");
    }
  }

  private JsonNode parse(ObjectMapper mapper, byte[] b, int from, int to, String where, long lineOffset) {
    try {
      return mapper.readTree(b, from, to - from);
    } catch (IOException e) {
      String format = mapper == json ? "JSON" : "YAML";
      errors.add(file + where + ": " + why(e, format, lineOffset));
      return null;
    }
  }

  /** The parser's reason, with YAML lines counted from the top of the file. */
  private String why(IOException e, String format, long lineOffset) {
    String why = Parsers.why(e, format, limits);
    if (lineOffset <= 0 || !(e instanceof JsonProcessingException j) || j.getLocation() == null
        || j.getLocation().getLineNr() <= 0) {
      return why;
    }
    return why.replaceFirst("at line \\d+", "at line " + (j.getLocation().getLineNr() + lineOffset));
  }

  private static int firstNonBlank(InputStream in) throws IOException {
    for (int i = 0, c; i < SNIFF - 1 && (c = in.read()) != -1; i++) {
      if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) return c;
    }
    return -1;
  }

  /** A JSON List's items and other members, top-level arrays, single objects, concatenated values. */
  private final class JsonPieces implements JsonValues.Visitor {
    private ObjectNode rest;
    private List<JsonNode> kindless = new ArrayList<>();
    private boolean inObject;

    @Override
    public void start(boolean object) {
      inObject = object;
      rest = json.createObjectNode();
      kindless = new ArrayList<>();
    }

    @Override
    public void element(byte[] b, int from, int to) {
      JsonNode item = parse(json, b, from, to, "", 0);
      if (item == null) return;
      if (inObject && KubeJson.text(item.path("kind"), "").isEmpty()) kindless.add(item);
      else object(item, "");
    }

    @Override
    public void member(String name, byte[] b, int from, int to) {
      JsonNode value = parse(json, b, from, to, " (member '" + name + "')", 0);
      if (value != null) rest.set(name, value);
    }

    @Override
    public void end(boolean object) {
      if (!object) return;
      String kind = KubeJson.text(rest.path("kind"), "");
      if (kind.endsWith("List")) {
        for (JsonNode item : kindless) object(item, kind.substring(0, kind.length() - 4));
      } else if (!kind.isEmpty()) {
        object(rest, "");
      }
    }

    @Override
    public void skipped(long offset, String why) {
      errors.add(file + ": the value at byte " + offset + " is " + why);
    }
  }

  /** YAML documents, and a kubectl List's entries one by one. */
  private final class YamlPieces implements YamlDocuments.Visitor {
    private final List<JsonNode> kindless = new ArrayList<>();

    @Override
    public void item(byte[] b, int from, int to, long line) {
      JsonNode item = parse(yaml, b, from, to, ":" + line, line - 1);
      if (item == null) return;
      if (KubeJson.text(item.path("kind"), "").isEmpty()) kindless.add(item);
      else object(item, "");
    }

    @Override
    public void document(byte[] b, int from, int to, long line) {
      JsonNode doc = parse(yaml, b, from, to, ":" + line, line - 1);
      String kind = doc == null ? "" : KubeJson.text(doc.path("kind"), "");
      String listOf = kind.endsWith("List") ? kind.substring(0, kind.length() - 4) : "";
      if (doc != null && kind.endsWith("List") && doc.has("items")) {
        for (JsonNode item : doc.path("items")) object(item, listOf);
      } else if (doc != null) {
        object(doc, "");
      }
      for (JsonNode item : kindless) object(item, listOf);
      kindless.clear();
    }

    @Override
    public void skipped(long line, String why) {
      errors.add(file + ":" + line + ": a YAML document or List entry " + (why.startsWith("a line") ? "has " : "is ") + why);
    }
  }
}
