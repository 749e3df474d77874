package dev.wraith.cmdline;

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

  @Test
  void javaSingleFileSourceLaunchIsAnEntryScript() {
    assertThat(of("/", "java", "/tmp/LeadDedupe.java")).contains("/tmp/LeadDedupe.java");
    assertThat(of("/srv", "/usr/lib/jvm/java-21/bin/java", "-cp", "lib/*", "--enable-preview", "-Dk=v", "Main.java", "x"))
        .contains("/srv/Main.java");
    assertThat(of("/srv", "java", "--class-path=lib/a.jar", "-Xmx64m", "tools/Agent.java")).contains("/srv/tools/Agent.java");
    assertThat(of("/srv", "java", "--source", "21", "agent", "--loop")).as("a source file by --source, any name")
        .contains("/srv/agent");
    assertThat(of("/srv", "java", "--source=21", "/opt/run")).contains("/opt/run");
    assertThat(of("/srv", "java", "@opts.txt", "Fetch.java")).contains("/srv/Fetch.java");
    // not source files: a main class, a module, the launcher's own options
    assertThat(of("/srv", "java", "-cp", "Main.java.d", "dev.Main")).isEmpty();
    assertThat(of("/srv", "java", "-m", "dev.agent/dev.agent.Main")).isEmpty();
    assertThat(of("/srv", "java", "--module=dev.agent/dev.agent.Main")).isEmpty();
    assertThat(of("/srv", "java", "-version")).isEmpty();
    assertThat(of("/srv", "java")).isEmpty();
    assertThat(of("/srv", "jbang", "--deps", "dev.langchain4j:langchain4j:1.0.0", "Agent.java")).contains("/srv/Agent.java");
  }
}
