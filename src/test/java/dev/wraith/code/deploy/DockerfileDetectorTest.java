package dev.wraith.code.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.Detection;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DockerfileDetectorTest {
  private final DockerfileDetector detector = new DockerfileDetector(FixtureHarness.catalogue());

  private Detection detect(String path, String text) {
    return detector.detect(new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)));
  }

  private Deployment only(String path, String text) {
    Detection d = detect(path, text);
    assertThat(d.deployments()).hasSize(1);
    return d.deployments().get(0);
  }

  @Test
  void acceptsTheUsualNames() {
    assertThat(detector.accepts("Dockerfile")).isTrue();
    assertThat(detector.accepts("svc/Dockerfile.worker")).isTrue();
    assertThat(detector.accepts("svc/api.Dockerfile")).isTrue();
    assertThat(detector.accepts("Containerfile")).isTrue();
    assertThat(detector.accepts("docs/dockerfile.md")).isTrue(); // Dockerfile.* by convention; a markdown file has no FROM
    assertThat(detector.accepts("Dockerfiles/readme.txt")).isFalse();
    assertThat(detector.accepts("src/docker.py")).isFalse();
  }

  @Test
  void argDefaultsAreSubstitutedIntoFrom() {
    Deployment d = only("svc/Dockerfile", """
        ARG REGISTRY=docker.io
        ARG VARIANT
        ARG PY=3.12
        ARG IMAGE=${REGISTRY}/library/python:${PY}-slim
        FROM $IMAGE
        FROM ${VARIANT:-debian}:${NOPE}
        """);
    assertThat(d.images()).containsExactly("debian:${NOPE}", "docker.io/library/python:3.12-slim");
    assertThat(d.location().line()).isEqualTo(6);
    assertThat(d.name()).isEqualTo("svc");
  }

  @Test
  void continuationsSkipCommentsAndBlankLines() {
    Deployment d = only("Dockerfile", """
        FROM python:3.12
        RUN pip install \\
            # the SDKs
            openai \\

            anthropic==0.40
        CMD python \\
          agent.py
        """);
    assertThat(d.attributes()).containsEntry("aiPackages", "openai,anthropic");
    assertThat(d.commands()).containsExactly("/bin/sh -c python   agent.py".replaceAll(" +", " "));
  }

  @Test
  void escapeDirectiveChangesTheContinuationCharacter() {
    Deployment d = only("win/Dockerfile", """
        # escape=`
        FROM mcr.microsoft.com/windows/servercore:ltsc2022
        WORKDIR C:\\\\app
        CMD python `
            serve.py
        """);
    assertThat(d.commands()).hasSize(1);
    assertThat(d.commands().get(0)).startsWith("/bin/sh -c python").endsWith("serve.py");
  }

  @Test
  void heredocBodiesAreNotInstructions() {
    Deployment d = only("Dockerfile", """
        FROM alpine:3.20 AS base
        RUN <<EOF
        FROM evil:latest
        pip install openai
        EOF
        RUN <<-"EOT" bash
        \tCMD ["nope"]
        \tEOT
        CMD ["sh", "run.sh"]
        """);
    assertThat(d.images()).containsExactly("alpine:3.20");
    assertThat(d.commands()).containsExactly("sh run.sh");
    assertThat(d.attributes()).containsEntry("aiPackages", "openai");
  }

  @Test
  void execAndShellFormsAndShellInstruction() {
    assertThat(only("Dockerfile", "FROM x\nCMD [\"node\", \"server.js\"]\n").commands()).containsExactly("node server.js");
    assertThat(only("Dockerfile", "FROM x\nCMD [node, server.js]\n").commands()).containsExactly("/bin/sh -c [node, server.js]");
    assertThat(only("Dockerfile", "FROM x\nSHELL [\"bash\", \"-lc\"]\nENTRYPOINT exec node server.js\nCMD [\"ignored\"]\n")
        .commands()).containsExactly("bash -lc exec node server.js");
  }

  @Test
  void finalStageInheritsFromAnEarlierStageAndEntrypointResetsInheritedCmd() {
    Deployment inherits = only("Dockerfile", """
        FROM python:3.12 AS base
        WORKDIR /app
        COPY . .
        CMD ["python", "main.py"]
        FROM base AS prod
        ENV MODE=prod
        """);
    assertThat(inherits.name()).isEqualTo("prod");
    assertThat(inherits.images()).containsExactly("python:3.12");
    assertThat(inherits.commands()).containsExactly("python main.py");
    assertThat(inherits.scripts()).containsExactly("main.py");
    assertThat(inherits.envVars()).containsExactly("MODE");

    Deployment reset = only("Dockerfile", "FROM python:3.12 AS base\nCMD [\"python\"]\nFROM base\nENTRYPOINT [\"tini\", \"--\"]\n");
    assertThat(reset.commands()).containsExactly("tini --");
  }

  @Test
  void scriptsAreTracedThroughWorkdirCopyAndCopyFrom() {
    Deployment d = only("services/agent/Dockerfile", """
        FROM python:3.12 AS build
        WORKDIR /src
        COPY src/ ./
        COPY pyproject.toml /src/
        FROM python:3.12-slim
        WORKDIR /app
        COPY --from=build /src/agent /app/agent
        COPY --chown=app:app --chmod=755 ["scripts/*.sh", "/usr/local/bin/"]
        COPY target/agent-1.0.jar app.jar
        ENTRYPOINT ["/usr/local/bin/entry.sh"]
        CMD ["python", "agent/run.py", "&&", "java", "-jar", "app.jar"]
        """);
    assertThat(d.scripts()).containsExactly("services/agent/scripts/entry.sh", "services/agent/src/agent/run.py",
        "services/agent/target/agent-1.0.jar");
    assertThat(d.workloadKind()).isEqualTo("image");
  }

  @Test
  void aCopyFromAnExternalImageDoesNotHideTheTreeCopy() {
    Deployment d = only("flask/Dockerfile", """
        FROM python:3.10-alpine AS builder
        WORKDIR /app
        COPY . /app
        ENTRYPOINT ["python3"]
        CMD ["app.py"]
        FROM builder AS dev-envs
        COPY --from=gloursdocker/docker / /
        """);
    assertThat(d.scripts()).containsExactly("flask/app.py");
    assertThat(d.commands()).containsExactly("python3 app.py");
  }

  @Test
  void asgiAppsAndModulesBecomeFiles() {
    Deployment d = only("Dockerfile", """
        FROM python:3.12
        WORKDIR /code
        COPY ./app /code/app
        CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]
        """);
    assertThat(d.scripts()).containsExactly("app/main.py");
  }

  @Test
  void envAndArgNamesAreFindingsAndValuesAreOnlyMatched() {
    Detection d = detect("Dockerfile", """
        FROM python:3.12
        ARG ANTHROPIC_API_KEY
        ENV OPENAI_BASE_URL="https://eu.api.openai.com/v1" OTHER=1
        """);
    assertThat(d.findings()).extracting(Finding::evidence)
        .containsExactlyInAnyOrder("ANTHROPIC_API_KEY", "OPENAI_BASE_URL", "https://eu.api.openai.com/v1");
    assertThat(d.deployments().get(0).envVars()).containsExactly("OPENAI_BASE_URL", "OTHER");
  }

  @Test
  void withoutFromItIsAWarningNotADeployment() {
    assertThat(detect("Dockerfile.md", "# Notes\n\nRun it with docker.\n")).isEqualTo(Detection.EMPTY);
    Detection d = detect("Dockerfile", "RUN make\nCMD [\"app\"]\n");
    assertThat(d.deployments()).isEmpty();
    assertThat(d.warnings()).hasSize(1);
  }

  @Test
  void garbageNeverThrows() {
    StringBuilder b = new StringBuilder("FROM x\n");
    for (int i = 0; i < 2000; i++) b.append("RUN <<A\\\n").append((char) (i % 128)).append("\"[\n");
    b.append("CMD [\"a\"\n");
    Detection d = detect("Dockerfile", b.toString());
    assertThat(d.deployments()).hasSize(1);
  }
}
