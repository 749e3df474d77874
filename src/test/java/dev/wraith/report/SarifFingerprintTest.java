package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wraith.code.CodeScanner;
import dev.wraith.code.FixtureHarness;
import dev.wraith.scan.CodeLayer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A code-scanning alert must survive an edit above it: the SARIF partial fingerprint comes from the finding's kind,
 * file, subject and evidence, not its line. A finding that really changes gets a new one, and the same finding
 * repeated in one file gets one each.
 */
class SarifFingerprintTest {
  private static final String AGENT = """
      from openai import OpenAI
      from anthropic import Anthropic

      client = OpenAI()
      other = Anthropic()
      """;

  @TempDir Path repo;

  @Test
  void linesInsertedAboveKeepEveryFingerprint() throws IOException {
    Files.writeString(repo.resolve("agent.py"), AGENT);
    Map<String, JsonNode> before = results();
    Files.writeString(repo.resolve("agent.py"), "\"\"\"Docs.\"\"\"\nimport os\n\n\n" + AGENT);
    Map<String, JsonNode> after = results();
    assertThat(before).isNotEmpty();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String fp : before.keySet()) {
      assertThat(line(after.get(fp))).as("the finding moved down").isEqualTo(line(before.get(fp)) + 4);
    }
  }

  @Test
  void aChangedFindingGetsANewFingerprintAndRepeatsGetOneEach() throws IOException {
    Files.writeString(repo.resolve("agent.py"), AGENT);
    Map<String, JsonNode> before = results();
    Files.writeString(repo.resolve("agent.py"), AGENT.replace("other = Anthropic()", "other = OpenAI()\nthird = OpenAI()"));
    Map<String, JsonNode> after = results();
    List<String> anthropic = before.entrySet().stream()
        .filter(e -> e.getValue().path("message").path("text").asText().contains("anthropic.Anthropic")).map(Map.Entry::getKey).toList();
    assertThat(anthropic).hasSize(1);
    assertThat(after).as("the anthropic client is gone, its alert with it").doesNotContainKeys(anthropic.get(0));
    List<String> openai = after.entrySet().stream()
        .filter(e -> e.getValue().path("message").path("text").asText().contains("openai.OpenAI")).map(Map.Entry::getKey).toList();
    assertThat(openai).as("three openai clients in one file, three alerts (results() checks they are distinct)").hasSize(3);
    assertThat(before.keySet()).as("the first openai client keeps its alert").containsAnyElementsOf(openai);
  }

  /** Results by fingerprint; fails when two results share one. */
  private Map<String, JsonNode> results() throws IOException {
    var report = CodeLayer.scan(FixtureHarness.catalogue(), List.of(repo), new CodeScanner.Options(List.of(), true, 1), "test");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SarifReporter(FixtureHarness.catalogue()).write(report, out);
    Map<String, JsonNode> byFp = new TreeMap<>();
    for (JsonNode r : new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toByteArray()).path("runs").get(0).path("results")) {
      String fp = r.path("partialFingerprints").path("wraithFinding/v2").asText();
      assertThat(fp).isNotEmpty();
      assertThat(byFp.put(fp, r)).as("fingerprint %s is unique", fp).isNull();
    }
    return byFp;
  }

  private static int line(JsonNode result) {
    return result.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt();
  }
}
