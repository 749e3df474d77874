package dev.wraith.code.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.FixtureHarness;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Deployment;
import org.junit.jupiter.api.Test;

class DeployFixturesTest {
  @Test
  void deploymentFixturesMatchTheirExpectations() {
    CodeScan scan = FixtureHarness.assertFixtures("code/deploy");
    Deployment agent = find(scan, "runtime");
    assertThat(agent.images()).containsExactly("python:3.12-slim");
    assertThat(agent.commands()).containsExactly("python -u app/agent.py --loop");
    assertThat(agent.scripts()).containsExactly("agent/app/agent.py");
    assertThat(agent.envVars()).containsExactly("OPENAI_BASE_URL", "LOG_LEVEL", "OPENAI_API_KEY");
    assertThat(agent.attributes()).containsEntry("aiPackages", "openai,langchain");

    Deployment k8s = find(scan, "research-agent");
    assertThat(k8s.commands()).containsExactly("python -m app.migrate", "python -u app/agent.py --loop --api-key=***");
    assertThat(k8s.envSources()).containsExactly("secret:openai-credentials", "configmap:research-agent-config",
        "secret:research-agent-secrets");
    assertThat(find(scan, "ollama").attributes()).containsEntry("imageProviders", "ollama");
    assertThat(scan.deployments().stream().filter(d -> d.location().path().equals("docker-compose.yml")).findFirst()
        .orElseThrow().attributes()).containsEntry("build", "agent");
  }

  private static Deployment find(CodeScan scan, String name) {
    return scan.deployments().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }
}
