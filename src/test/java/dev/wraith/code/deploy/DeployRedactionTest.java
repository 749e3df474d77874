package dev.wraith.code.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.Detection;
import dev.wraith.code.FileDetector;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import dev.wraith.model.Deployment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Deployment commands are recorded through the one redactor: inside {@code sh -c} strings, header flags and URLs,
 * in every manifest kind, with the scripts they name still found (correlation needs them).
 */
class DeployRedactionTest {
  @Test
  void kubernetesCommandsAreRedactedInsideShellStrings() {
    Detection d = detect(new KubernetesDetector(FixtureHarness.catalogue()), "k8s/bot.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: bot}
        spec:
          template:
            spec:
              containers:
                - name: bot
                  image: ghcr.io/acme/bot:1.0
                  command: [sh, -c, "python bot.py --api-key EXAMPLEkey1 && curl -H 'Authorization: Bearer EXAMPLEtok2' https://x.example"]
        """);
    Deployment bot = d.deployments().get(0);
    assertThat(bot.commands()).singleElement().asString()
        .isEqualTo("sh -c python bot.py --api-key *** && curl -H 'Authorization: ***' https://x.example");
    assertThat(bot.scripts()).contains("bot.py");
    assertThat(bot.toString()).doesNotContain("EXAMPLE");
  }

  @Test
  void composeHelmAndDockerfileCommandsAndRemoteContextsAreRedacted() {
    Detection compose = detect(new ComposeDetector(FixtureHarness.catalogue()), "compose.yaml", """
        services:
          bot:
            build: https://EXAMPLEuser:EXAMPLEpw@git.example.com/acme/bot.git#main
            command: ["python", "run.py", "--token=EXAMPLEtok3", "OPENAI_API_KEY=EXAMPLEk4"]
        """);
    Detection helm = detect(new HelmValuesDetector(FixtureHarness.catalogue()), "charts/bot/values.yaml", """
        image: {repository: acme/bot, tag: "1.0"}
        args: ["--password", "EXAMPLEpw5", "--url", "https://api.example.com/v1?key=EXAMPLEk6"]
        """);
    Detection docker = detect(new DockerfileDetector(FixtureHarness.catalogue()), "Dockerfile", """
        FROM python:3.12
        CMD ["python", "agent.py", "--secret", "EXAMPLEs7"]
        """);
    Detection kustomize = detect(new KustomizationDetector(FixtureHarness.catalogue()), "deploy/kustomization.yaml", """
        resources:
          - https://EXAMPLEtok8@github.com/acme/x//deploy?ref=v1&token=EXAMPLEt9
        """);
    for (Detection d : new Detection[] {compose, helm, docker, kustomize}) {
      assertThat(d.deployments().toString()).doesNotContain("EXAMPLE").contains("***");
    }
    assertThat(compose.deployments().get(0).attributes().get("build")).isEqualTo("https://***@git.example.com/acme/bot.git#main");
    assertThat(kustomize.deployments().get(0).scripts()).containsExactly("https://***@github.com/acme/x//deploy?ref=v1"); // the ref is identity; reports mask it as any query value
  }

  @Test
  void pathologicalTemplatesStayFast() {
    long start = System.nanoTime();
    assertThat(HelmTemplate.strip("x: " + "{{ a }} ".repeat(40) + "y\n")).startsWith("x: $(tpl)");
    assertThat(HelmTemplate.strip("{{".repeat(20_000))).isNotNull();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }

  private static Detection detect(FileDetector detector, String path, String text) {
    return detector.detect(new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)));
  }
}
