package dev.wraith.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntryScriptsTest {
  private static Optional<String> of(String cwd, String... argv) {
    return EntryScripts.scriptPath(List.of(argv), cwd);
  }

  @Test
  void pythonSkipsOptionsAndResolvesAgainstCwd() {
    assertThat(of("/app", "python3", "-u", "-W", "ignore", "agent.py", "--loop")).contains("/app/agent.py");
    assertThat(of("/app", "/usr/bin/python3.11", "./bin/run.py")).contains("/app/bin/run.py");
    assertThat(of("/", "python", "/tmp/x.py")).contains("/tmp/x.py");
  }

  @Test
  void inlineCodeAndModulesHaveNoFile() {
    assertThat(of("/app", "python3", "-c", "import openai")).isEmpty();
    assertThat(of("/app", "python3", "-uc", "import openai")).isEmpty();
    assertThat(of("/app", "python3", "-m", "uvicorn", "app:app")).isEmpty();
    assertThat(of("/app", "node", "-e", "fetch('x')")).isEmpty();
  }

  @Test
  void nodeJavaAndShells() {
    assertThat(of("/srv", "node", "--require", "dotenv/config", "server.js")).contains("/srv/server.js");
    assertThat(of("/srv", "java", "-Xmx1g", "-jar", "agent.jar", "--port", "1")).contains("/srv/agent.jar");
    assertThat(of("/srv", "java", "-cp", "lib/*", "dev.Main")).isEmpty();
    assertThat(of("/srv", "bash", "run.sh")).contains("/srv/run.sh");
    assertThat(of("/srv", "/usr/local/bin/my-binary", "x.py")).isEmpty();
  }
}
