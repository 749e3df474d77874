package dev.wraith.code.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.Detection;
import dev.wraith.code.FileDetector;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import dev.wraith.model.Deployment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ComposeKustomizeHelmTest {
  private static Detection detect(FileDetector d, String path, String text) {
    assertThat(d.accepts(path)).isTrue();
    return d.detect(new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void composeServicesWithBuildEntrypointAndBothEnvironmentForms() {
    Detection d = detect(new ComposeDetector(FixtureHarness.catalogue()), "deploy/compose.prod.yaml", """
        x-env: &env
          GROQ_API_KEY: ${GROQ_API_KEY}
        services:
          api:
            build: {context: ../api, dockerfile: api.Dockerfile}
            entrypoint: ["/entry.sh"]
            command: ["uvicorn", "main:app"]
            environment:
              <<: *env
              PORT: "8000"
            env_file: [.env, {path: secrets.env, required: false}]
        """);
    Deployment api = d.deployments().get(0);
    assertThat(api.name()).isEqualTo("api");
    assertThat(api.location().line()).isEqualTo(4);
    assertThat(api.images()).isEmpty();
    assertThat(api.attributes()).containsEntry("build", "api:api.Dockerfile");
    assertThat(api.commands()).containsExactly("/entry.sh uvicorn main:app");
    assertThat(api.scripts()).containsExactly("/entry.sh", "main.py");
    assertThat(api.envVars()).containsExactly("PORT", "GROQ_API_KEY");
    assertThat(api.envSources()).containsExactly("file:.env", "file:secrets.env");
    assertThat(d.findings()).singleElement().satisfies(f -> assertThat(f.location().line()).isEqualTo(2));
  }

  @Test
  void kustomizationImagesNamespacePrefixAndGenerators() {
    Deployment k = detect(new KustomizationDetector(FixtureHarness.catalogue()), "deploy/overlays/staging/kustomization.yml", """
        namespace: staging
        nameSuffix: -stg
        resources:
          - ../../base
          - https://github.com/acme/x//deploy?ref=v1
        images:
          - {name: agent, newTag: "2.0"}
          - {name: redis, digest: "sha256:abc"}
        secretGenerator:
          - {name: keys, literals: [OPENAI_API_KEY=sk-secret]}
        """).deployments().get(0);
    assertThat(k.name()).isEqualTo("staging");
    assertThat(k.namespace()).isEqualTo("staging");
    assertThat(k.images()).containsExactly("agent=agent:2.0", "redis=redis@sha256:abc");
    assertThat(k.scripts()).containsExactly("deploy/base", "https://github.com/acme/x//deploy?ref=v1");
    assertThat(k.envSources()).containsExactly("secret:keys");
    assertThat(k.attributes()).containsEntry("nameSuffix", "-stg");
  }

  @Test
  void helmValuesOneDeploymentPerImageBlock() {
    Detection d = detect(new HelmValuesDetector(FixtureHarness.catalogue()), "charts/rag/values.yaml", """
        image: {repository: acme/rag, tag: "1.0"}
        embedder:
          image: "ghcr.io/acme/embedder:0.3"
          command: [python, embed.py]
        vectordb:
          enabled: true
          qdrant:
            image: {repository: qdrant/qdrant, tag: v1.12.0}
            url: http://rag-qdrant:6333/collections
        """);
    assertThat(d.deployments()).extracting(Deployment::name).containsExactly("rag", "rag/embedder", "rag/vectordb.qdrant");
    assertThat(d.deployments().get(1).scripts()).containsExactly("embed.py");
    assertThat(d.deployments().get(2).attributes()).containsEntry("imageProviders", "qdrant");
    assertThat(d.findings()).singleElement().satisfies(f -> assertThat(f.evidence()).isEqualTo("http://rag-qdrant:6333/collections"));
  }
}
