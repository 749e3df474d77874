package dev.wraith.code.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.FixtureHarness;
import dev.wraith.model.CodeScan;
import dev.wraith.model.ScanReport;
import dev.wraith.report.Reporter;
import dev.wraith.scan.Registry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture repo holds a realistic OpenAI key and a database password in a Secret, env values, command
 * arguments, a Dockerfile ENV, a compose file and a kustomize generator. No report format may contain them.
 */
class SecretsNeverPrintedTest {
  private static final String KEY = "sk-proj-Zq8xT3vKp1LmN7rW2yB5cD9fG4hJ6kQ0sU8vX1zA3bE5";
  private static final List<String> SECRETS = List.of(KEY, KEY.substring(8, 24), "correct-horse-battery-staple-42", "leaked=1");

  @Test
  void fixtureSecretsAppearInNoReport() throws IOException {
    CodeScan scan = FixtureHarness.scan(FixtureHarness.resource("code/deploy"));
    assertThat(scan.deployments()).isNotEmpty();
    assertNoSecretIn(scan);
  }

  @Test
  void secretsInHostileShapesStayHidden(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("pod.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: c
              image: python:3.12
              command: ["sh", "-c", "OPENAI_API_KEY=%1$s python a.py --token %1$s"]
              args: ["--password", "correct-horse-battery-staple-42", "https://u:correct-horse-battery-staple-42@api.openai.com/v1?leaked=1"]
              env:
                - {name: OPENAI_API_KEY, value: "%1$s"}
        """.formatted(KEY));
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          a:
            image: x
            entrypoint: ["python", "a.py", "%1$s"]
            command: --db-password=correct-horse-battery-staple-42
            environment: {OPENAI_API_KEY: %1$s, PASSWORD: correct-horse-battery-staple-42}
        """.formatted(KEY));
    Files.writeString(dir.resolve("Dockerfile"), """
        FROM python:3.12
        ARG OPENAI_API_KEY=%1$s
        ENV OPENAI_API_KEY %1$s
        CMD python a.py --api-key %1$s
        """.formatted(KEY));
    Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: \"%s\n  : [".formatted(KEY));
    CodeScan scan = FixtureHarness.scan(dir);
    assertThat(scan.deployments()).hasSize(3);
    assertThat(scan.status().warnings()).anyMatch(w -> w.startsWith("broken.yaml"));
    assertNoSecretIn(scan);
  }

  private static void assertNoSecretIn(CodeScan scan) throws IOException {
    ScanReport report = new ScanReport(new ScanReport.Tool("wraith", "test", "0", 1), scan);
    for (Reporter<ScanReport> r : Registry.reporters(FixtureHarness.catalogue())) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      r.write(report, out);
      String text = out.toString(StandardCharsets.UTF_8);
      for (String s : SECRETS) assertThat(text).as("%s report", r.format()).doesNotContain(s);
    }
  }
}
