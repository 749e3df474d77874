package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Maturity;
import dev.wraith.code.python.PythonDetector;
import dev.wraith.model.Confidence;
import dev.wraith.model.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding that an experimental catalogue entry produced is one confidence level lower than the same finding from a
 * stable entry: xAI's SDK signature and provider are experimental, OpenAI's are stable.
 */
class MaturityConfidenceTest {
  @Test
  void experimentalEntriesLowerTheConfidenceByOneLevel() {
    assertThat(Maturity.STABLE.confidence(Confidence.HIGH)).isEqualTo(Confidence.HIGH);
    assertThat(Maturity.EXPERIMENTAL.confidence(Confidence.HIGH)).isEqualTo(Confidence.MEDIUM);
    assertThat(Maturity.EXPERIMENTAL.confidence(Confidence.MEDIUM)).isEqualTo(Confidence.LOW);
    assertThat(Maturity.EXPERIMENTAL.confidence(Confidence.LOW)).isEqualTo(Confidence.LOW);
  }

  @Test
  void findingsCarryTheirEntrysMaturity() {
    Catalogue c = FixtureHarness.catalogue();
    assertThat(c.signatures()).filteredOn(s -> s.id().equals("xai-python")).singleElement()
        .satisfies(s -> assertThat(s.maturity()).isEqualTo(Maturity.EXPERIMENTAL));
    String src = """
        import os
        import openai
        from xai_sdk import Client
        stable = openai.OpenAI(api_key=os.environ["OPENAI_API_KEY"])
        grok = Client(api_key=os.environ["XAI_API_KEY"])
        OPENAI_URL = "https://api.openai.com/v1"
        XAI_URL = "https://api.x.ai/v1"
        """;
    Detection d = new PythonDetector(new FactMatcher(c)).detect(new SourceFile("app.py", src.getBytes(StandardCharsets.UTF_8)));
    Map<String, Confidence> byFinding = d.findings().stream()
        .collect(Collectors.toMap(f -> f.kind().id() + " " + f.subject(), Finding::confidence));
    assertThat(byFinding).containsEntry("sdk-client openai-python", Confidence.HIGH)
        .containsEntry("sdk-client xai-python", Confidence.MEDIUM)
        .containsEntry("env-var openai", Confidence.MEDIUM)
        .containsEntry("env-var xai", Confidence.LOW)
        .containsEntry("ai-endpoint openai", Confidence.HIGH)
        .containsEntry("ai-endpoint xai", Confidence.MEDIUM);
  }

  @Test
  void dependenciesCarryTheirSignaturesMaturity(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("requirements.txt"), "openai==1.54.0\nxai-sdk==1.0.0\n");
    Map<String, Confidence> bySubject = FixtureHarness.scan(dir).findings().stream()
        .collect(Collectors.toMap(Finding::subject, Finding::confidence));
    assertThat(bySubject).containsEntry("openai-python", Confidence.HIGH).containsEntry("xai-python", Confidence.MEDIUM);
  }
}
