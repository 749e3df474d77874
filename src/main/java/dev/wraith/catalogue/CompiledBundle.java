package dev.wraith.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The bundled catalogue's YAML files, parsed at build time into one JSON document ({@value #RESOURCE}) that
 * start-up reads instead of the YAML: the same trees, several times cheaper to read (the YAML parser was a third
 * of the start-up of a scan). The document records a CRC-32 of every YAML file it was made from and is used only
 * while every one still matches, so an edited YAML file is never shadowed by a stale document (a build that
 * skipped the step, an IDE); the loader then reads the YAML, as it does for user overlays.
 *
 * <p>{@link #main} is the build step (Maven, process-classes): it validates the bundle by loading it from the
 * YAML, then writes the document into the classes directory. The document holds every YAML file under
 * {@code catalogue/} (found by listing the directory, so a new catalogue file needs no change here), whether or
 * not {@value #INDEX} lists it.
 */
public final class CompiledBundle {
  static final String RESOURCE = "/catalogue/bundle.json";
  private static final String INDEX = "catalogue.yaml";

  private CompiledBundle() {}

  /**
   * The parsed trees by file name relative to {@code catalogue/} ({@code signatures/pypi.yaml}), every bundled
   * YAML file, or empty when there is no document or any YAML file changed since it was written.
   */
  static Optional<Map<String, JsonNode>> read() {
    JsonNode doc;
    try (InputStream in = CompiledBundle.class.getResourceAsStream(RESOURCE)) {
      if (in == null) return Optional.empty();
      doc = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      return Optional.empty();
    }
    return trees(doc);
  }

  /** The trees of a compiled document, or empty when it lacks the index or a YAML resource no longer matches it. */
  static Optional<Map<String, JsonNode>> trees(JsonNode doc) {
    Map<String, JsonNode> trees = new HashMap<>();
    for (Map.Entry<String, JsonNode> f : doc.path("files").properties()) {
      Optional<Long> crc = crcOfResource(f.getKey());
      if (crc.isEmpty() || crc.get() != f.getValue().path("crc32").asLong(-1)) return Optional.empty();
      trees.put(f.getKey(), f.getValue().path("tree"));
    }
    return trees.containsKey(INDEX) ? Optional.of(trees) : Optional.empty();
  }

  /**
   * Build step: {@code CompiledBundle <classes directory>}. Throws (failing the build) when the bundled catalogue
   * is invalid; it runs inside Maven's JVM, so it never exits.
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0], RESOURCE.substring(1));
    Files.deleteIfExists(out); // so the validation below reads the YAML
    CatalogueLoader.bundled();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectMapper json = new ObjectMapper();
    ObjectNode files = json.createObjectNode();
    for (String name : yamlFiles(Path.of(args[0], "catalogue"))) add(files, name, yaml);
    if (!files.has(INDEX)) throw new IOException("bundled catalogue index missing: " + INDEX);
    ObjectNode doc = json.createObjectNode();
    doc.set("files", files);
    json.writeValue(out.toFile(), doc);
  }

  /** Every {@code .yaml} (or {@code .yml}) file under {@code dir}, as sorted names relative to it with '/' separators. */
  static List<String> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(p))
          .map(p -> dir.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
          .sorted()
          .toList();
    }
  }

  private static void add(ObjectNode files, String name, ObjectMapper yaml) throws IOException {
    try (InputStream in = CompiledBundle.class.getResourceAsStream("/catalogue/" + name)) {
      if (in == null) throw new IOException("bundled catalogue file missing: " + name);
      byte[] bytes = in.readAllBytes();
      JsonNode tree = yaml.readTree(bytes);
      ObjectNode entry = files.putObject(name);
      entry.put("crc32", crc(bytes));
      entry.set("tree", tree);
    }
  }

  private static Optional<Long> crcOfResource(String name) {
    try (InputStream in = CompiledBundle.class.getResourceAsStream("/catalogue/" + name)) {
      return in == null ? Optional.empty() : Optional.of(crc(in.readAllBytes()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long crc(byte[] bytes) {
    CRC32 c = new CRC32();
    c.update(bytes);
    return c.getValue();
  }
}
