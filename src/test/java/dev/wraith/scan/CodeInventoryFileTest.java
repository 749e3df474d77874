package dev.wraith.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.CodeScanner;
import dev.wraith.code.FixtureHarness;
import dev.wraith.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code inventories round-trip, and every hostile file is refused with a sentence naming it, never an exception. */
class CodeInventoryFileTest {
  static final Catalogue CAT = FixtureHarness.catalogue();
  static CodeInventory made;
  static String text;

  @TempDir Path dir;

  @BeforeAll
  static void make() throws Exception {
    made = CodeInventories.make(CAT, Path.of("examples/acme-support"), "acme-support",
        new CodeScanner.Options(List.of(), true, 2), "test");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CodeInventoryFile.write(made, Redactor.of(CAT), out);
    text = out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void whatIsWrittenIsReadBackEqual() throws Exception {
    assertThat(made.code().agents()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(made.fileHashes()).containsKey("acme-support/services/triage-agent/triage/agent.py");
    CodeInventoryFile.Read read = CodeInventoryFile.read(file("good.json", text));
    assertThat(read).isInstanceOf(CodeInventoryFile.Loaded.class);
    CodeInventory back = ((CodeInventoryFile.Loaded) read).inventory();
    // written through the redactor (a Secret's name is masked, as in every output), then read and written: the same bytes
    assertThat(back.code().agents()).isEqualTo(made.code().agents());
    assertThat(back.fileHashes()).isEqualTo(made.fileHashes());
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    CodeInventoryFile.write(back, Redactor.of(CAT), again);
    assertThat(again.toString(StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @Test
  void anInventoryWrittenByAnEarlierWraithIsReadAndTheFormatIsUnchanged() throws Exception {
    // written by 'wraith scan examples/acme-support --format inventory' at commit 0c78bec, before layer statuses had notes
    Path earlier = Path.of("src/test/resources/inventories/acme-support-written-by-0c78bec.json");
    CodeInventoryFile.Read read = CodeInventoryFile.read(earlier);
    assertThat(read).as(read.toString()).isInstanceOf(CodeInventoryFile.Loaded.class);
    assertThat(((CodeInventoryFile.Loaded) read).inventory().code().status().notes()).isEmpty();
    ObjectMapper m = new ObjectMapper();
    assertThat(fieldNames(m.readTree(text).at("/code/status")))
        .isEqualTo(fieldNames(m.readTree(earlier.toFile()).at("/code/status")))
        .containsExactly("layer", "state", "reason", "warnings");
  }

  private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void anotherSchemaVersionIsRefusedWithWhatToDo() throws Exception {
    ObjectNode tree = tree();
    tree.put("schemaVersion", 2);
    assertThat(refused("v2.json", tree.toString())).contains("v2.json", "schema version 2, this wraith reads 1",
        "regenerate it");
  }

  @Test
  void aTruncatedFileIsRefused() throws Exception {
    assertThat(refused("cut.json", text.substring(0, text.length() / 2))).contains("cut.json", "not a complete JSON document");
    assertThat(refused("empty.json", "")).contains("empty.json", "not a wraith code inventory");
    assertThat(refused("other.json", "{\"kind\": \"List\"}")).contains("not a wraith code inventory");
    assertThat(refused("binary.json", "\u0000\u0001\u0002")).contains("binary.json");
  }

  @Test
  void aMissingNullUnknownOrMistypedFieldIsRefusedByName() throws Exception {
    ObjectNode missing = tree();
    ((ObjectNode) missing.path("repository")).remove("commit");
    assertThat(refused("missing.json", missing.toString())).contains("a field is missing", "repository");
    ObjectNode nulled = tree();
    ((ObjectNode) nulled.path("code").path("agents").get(0)).putNull("path");
    assertThat(refused("null.json", nulled.toString())).contains("code.agents[0]");
    ObjectNode nullInList = tree();
    ((com.fasterxml.jackson.databind.node.ArrayNode) nullInList.path("code").path("agents").get(0).path("providers")).addNull();
    assertThat(refused("nullitem.json", nullInList.toString())).contains("nullitem.json");
    ObjectNode unknown = tree();
    unknown.put("extra", 1);
    assertThat(refused("unknown.json", unknown.toString())).contains("unknown.json");
    ObjectNode typed = tree();
    typed.put("code", "text");
    assertThat(refused("typed.json", typed.toString())).contains("typed.json");
  }

  @Test
  void pathsOutsideThePrefixAndBadHashesAreRefused() throws Exception {
    ObjectNode outside = tree();
    ((ObjectNode) outside.path("code").path("agents").get(0)).put("path", "billing/agent.py");
    assertThat(refused("outside.json", outside.toString())).contains("agent path outside prefix 'acme-support'");
    ObjectNode escape = tree();
    ((ObjectNode) escape.path("fileHashes")).put("acme-support/../../etc/passwd", "0".repeat(64));
    assertThat(refused("escape.json", escape.toString())).contains("fileHashes key outside prefix");
    ObjectNode hash = tree();
    ((ObjectNode) hash.path("fileHashes")).put("acme-support/x.py", "not-a-hash");
    assertThat(refused("hash.json", hash.toString())).contains("not a SHA-256");
    ObjectNode prefix = tree();
    ((ObjectNode) prefix.path("repository")).put("prefix", "a/b");
    assertThat(refused("prefix.json", prefix.toString())).contains("one path segment");
  }

  @Test
  void deepNestingIsRefusedWithoutAStackOverflow() throws Exception {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThat(refused("deep.json", deep)).contains("deep.json");
  }

  @Test
  void aHugeFileIsRefusedUnread() throws Exception {
    Path huge = dir.resolve("huge.json");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(CodeInventoryFile.MAX_BYTES + 1L); // sparse: nothing is written, and nothing must be read
    }
    assertThat(refusal(huge)).contains("huge.json is larger than 64 MiB");
  }

  @Test
  void aFifoASymlinkLoopAndADirectoryAreRefusedWithoutBlocking() throws Exception {
    Path fifo = dir.resolve("inventories-fifo.json");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mk.waitFor()).isZero();
    assertThat(refusal(fifo)).contains("not a regular file");
    Path a = dir.resolve("a.json"), b = dir.resolve("b.json");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    assertThat(refusal(a)).contains("a.json");
    assertThat(refusal(dir)).contains("is a directory");
    assertThat(refusal(dir.resolve("none.json"))).contains("no such file");
  }

  @Test
  void aDirectoryJoinsItsGoodInventoriesAndWarnsOfTheRest() throws Exception {
    Path invs = Files.createDirectories(dir.resolve("invs"));
    Files.writeString(invs.resolve("1-good.json"), text);
    Files.writeString(invs.resolve("2-same-prefix.json"), text);
    Files.writeString(invs.resolve("3-cut.json"), text.substring(0, 100));
    Files.writeString(invs.resolve("notes.txt"), "not an inventory, not read");
    CodeInventories.Joined j = CodeInventories.join(CAT, List.of(), new CodeScanner.Options(List.of(), true, 2), List.of(invs));
    assertThat(j.inventories()).isEqualTo(1);
    assertThat(j.code().agents()).isEqualTo(made.code().agents());
    assertThat(j.hashes()).isEqualTo(made.fileHashes());
    assertThat(j.code().status().warnings()).hasSize(2).anySatisfy(w -> assertThat(w).contains("2-same-prefix.json",
        "like those of", "1-good.json", "--prefix")).anySatisfy(w -> assertThat(w).contains("3-cut.json", "not a complete"));
    CodeInventories.Joined empty = CodeInventories.join(CAT, List.of(), new CodeScanner.Options(List.of(), true, 2),
        List.of(Files.createDirectories(dir.resolve("none"))));
    assertThat(empty.code().status().warnings()).singleElement().asString().contains("no *.json code inventory");
  }

  @Test
  void unusableArgumentsAreNamed() throws Exception {
    assertThat(CodeInventories.unusable(dir.resolve("missing"))).get().asString().contains("no such file or directory");
    Path loop = dir.resolve("loop");
    Files.createSymbolicLink(loop, loop);
    assertThat(CodeInventories.unusable(loop)).get().asString().contains("leads nowhere");
    assertThat(CodeInventories.unusable(dir)).isEmpty();
    assertThat(CodeInventories.unusable(Path.of("https://ci.example.com/artifacts/inv.json"))).get().asString()
        .contains("a URL is not read");
  }

  private ObjectNode tree() throws Exception {
    return (ObjectNode) new ObjectMapper().readTree(text);
  }

  private String refused(String name, String content) throws Exception {
    return refusal(file(name, content));
  }

  private static String refusal(Path p) {
    CodeInventoryFile.Read read = CodeInventoryFile.read(p);
    assertThat(read).isInstanceOf(CodeInventoryFile.Refused.class);
    String why = ((CodeInventoryFile.Refused) read).why();
    assertThat(why).doesNotContain("Exception").doesNotContain("com.fasterxml");
    return why;
  }

  private Path file(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }
}
