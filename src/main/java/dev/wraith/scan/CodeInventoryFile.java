package dev.wraith.scan;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wraith.files.FileProblem;
import dev.wraith.files.InputFile;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import dev.wraith.model.ModelUse;
import dev.wraith.redact.RedactingModule;
import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes and reads code inventories (JSON). Writing goes through the one redactor like every output. Reading treats
 * the file as hostile: only a regular file of at most {@link #MAX_BYTES} is read, nesting and string length are
 * bounded, every field must be present and non-null, unknown fields are refused, the format and schema version must be
 * this wraith's, and every path must carry the inventory's prefix (so one inventory cannot speak for another's tree).
 * Every refusal is a {@link Refused} sentence naming the file, never an exception.
 */
public final class CodeInventoryFile {
  /** The largest inventory read (a monorepo with some ten thousand AI files fits). */
  public static final int MAX_BYTES = 64 << 20;

  private static final int MAX_DEPTH = 64;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern PREFIX = Pattern.compile("[^/\\\\\\x00]{1,255}");

  private CodeInventoryFile() {}

  /** What reading one file gave: the inventory, or why not. */
  public sealed interface Read permits Loaded, Refused {
    Path file();
  }

  public record Loaded(Path file, CodeInventory inventory) implements Read {}

  /** {@code why} is a sentence that names the file and what to do. */
  public record Refused(Path file, String why) implements Read {}

  /**
   * A layer status in the file: layer, state, reason and warnings, as the format has always had (the code layer has no
   * notes), so inventories written by other versions of wraith and this one read each other.
   */
  @SuppressWarnings({"UnusedMethod", "UnusedVariable"}) // read by Jackson as a mix-in, never called
  private abstract static class StatusFormat {
    @com.fasterxml.jackson.annotation.JsonCreator
    StatusFormat(@com.fasterxml.jackson.annotation.JsonProperty("layer") String layer,
        @com.fasterxml.jackson.annotation.JsonProperty("state") dev.wraith.model.LayerStatus.State state,
        @com.fasterxml.jackson.annotation.JsonProperty("reason") String reason,
        @com.fasterxml.jackson.annotation.JsonProperty("warnings") java.util.List<String> warnings) {}

    @com.fasterxml.jackson.annotation.JsonIgnore
    abstract java.util.List<String> notes();
  }

  /** Writes {@code inventory} as indented JSON with sorted map keys, every string through {@code redactor}. */
  public static void write(CodeInventory inventory, Redactor redactor, OutputStream out) throws IOException {
    new ObjectMapper().registerModule(new RedactingModule(redactor))
        .addMixIn(dev.wraith.model.LayerStatus.class, StatusFormat.class)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, inventory);
    out.write('\n');
    out.flush();
  }

  /** Reads one inventory file (see the class contract). */
  public static Read read(Path file) {
    try {
      return parse(file, InputFile.readAll(file, MAX_BYTES));
    } catch (IOException e) { // FileProblem: a sentence naming the file (FIFO, device, directory, link loop, too large)
      return new Refused(file, FileProblem.of(e, file, "reading").getMessage());
    }
  }

  static Read parse(Path file, byte[] bytes) {
    try { // the usual case in one pass; anything else is diagnosed from the tree below
      CodeInventory inventory = READER.readValue(bytes, CodeInventory.class);
      if (CodeInventory.FORMAT.equals(inventory.format()) && inventory.schemaVersion() == CodeInventory.SCHEMA_VERSION) {
        String bad = badPath(inventory);
        return bad.isEmpty() ? new Loaded(file, inventory) : new Refused(file, file + ": " + bad + "; not joined");
      }
    } catch (IOException | RuntimeException e) {
      // diagnosed below
    }
    return diagnose(file, bytes);
  }

  /** Why a file did not bind as this version's inventory, in words. */
  private static Read diagnose(Path file, byte[] bytes) {
    JsonNode tree;
    try {
      tree = READER.readTree(bytes);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      return new Refused(file, file + ": not a complete JSON document" + where + " (truncated or not an inventory); "
          + "regenerate it with 'wraith scan PATH --format inventory'");
    } catch (IOException e) {
      return new Refused(file, file + ": cannot be parsed; not read");
    }
    if (tree == null || !tree.isObject() || !CodeInventory.FORMAT.equals(tree.path("format").asText())) {
      return new Refused(file, file + ": not a wraith code inventory (no \"format\": \"" + CodeInventory.FORMAT + "\")");
    }
    JsonNode version = tree.path("schemaVersion");
    if (!version.isInt() || version.intValue() != CodeInventory.SCHEMA_VERSION) {
      return new Refused(file, file + ": code inventory schema version " + version.asText("?") + ", this wraith reads "
          + CodeInventory.SCHEMA_VERSION + "; regenerate it with this wraith's 'wraith scan PATH --format inventory'");
    }
    CodeInventory inventory;
    try {
      inventory = READER.treeToValue(tree, CodeInventory.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return new Refused(file, file + ": a field is missing, null, unknown or of the wrong type" + field(e)
          + "; regenerate it with 'wraith scan PATH --format inventory'");
    }
    String bad = badPath(inventory);
    return bad.isEmpty() ? new Loaded(file, inventory) : new Refused(file, file + ": " + bad + "; not joined");
  }

  /** Where Jackson failed, as a JSON path of field names ("code.findings[3].location"), never its wording. */
  private static String field(Exception e) {
    if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m) || m.getPath().isEmpty()) return "";
    StringBuilder b = new StringBuilder();
    for (var ref : m.getPath()) {
      if (ref.getFieldName() != null) b.append(b.length() == 0 ? "" : ".").append(ref.getFieldName());
      else if (ref.getIndex() >= 0) b.append('[').append(ref.getIndex()).append(']');
    }
    String path = b.toString();
    return path.length() > 200 || !path.matches("[A-Za-z0-9_.\\[\\]]*") ? "" : " (" + path + ")";
  }

  /** The first path that does not carry the prefix, or a malformed prefix or hash; "" when all is well. */
  static String badPath(CodeInventory inv) {
    String prefix = inv.repository().prefix();
    if (!PREFIX.matcher(prefix).matches() || prefix.equals(".") || prefix.equals("..")) {
      return "repository.prefix must be one path segment";
    }
    String p = prefix + "/";
    for (CodeAgent a : inv.code().agents()) if (!a.path().startsWith(p)) return "agent path outside prefix '" + prefix + "'";
    for (Finding f : inv.code().findings()) {
      if (!f.location().path().startsWith(p)) return "finding path outside prefix '" + prefix + "'";
    }
    for (Deployment d : inv.code().deployments()) {
      if (!d.location().path().startsWith(p)) return "deployment path outside prefix '" + prefix + "'";
    }
    for (ModelUse m : inv.code().models()) if (!m.location().path().startsWith(p)) return "model path outside prefix '" + prefix + "'";
    for (var d : inv.code().deployables()) {
      if (!d.dir().startsWith(p) && !d.dir().equals(prefix)) return "deployable outside prefix '" + prefix + "'";
    }
    for (var m : inv.modules()) if (!m.manifest().startsWith(p)) return "module manifest outside prefix '" + prefix + "'";
    for (Map.Entry<String, String> h : inv.fileHashes().entrySet()) {
      if (!h.getKey().startsWith(p) || !CodeHashes.inside(h.getKey())) return "fileHashes key outside prefix '" + prefix + "'";
      if (!SHA256.matcher(h.getValue()).matches()) return "fileHashes value that is not a SHA-256";
    }
    return "";
  }

  private static final ObjectMapper READER = reader();

  private static ObjectMapper reader() {
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH).maxStringLength(1 << 20).maxDocumentLength(MAX_BYTES).build()).build();
    ObjectMapper m = new ObjectMapper(factory)
        .addMixIn(dev.wraith.model.LayerStatus.class, StatusFormat.class)
        .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    m.setDefaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL));
    return m;
  }
}
