package dev.wraith.cmdline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private static byte[] nul(String... parts) {
    return (String.join("\0", parts) + "\0").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void environYieldsNamesOnlyAndNeverValues() {
    byte[] env = nul("OPENAI_API_KEY=sk-proj-secret", "PATH=/usr/bin", "EMPTY=", "WEIRD=a=b", "OPENAI_API_KEY=again");
    List<String> names = CommandLine.envNames(env);
    assertThat(names).containsExactly("EMPTY", "OPENAI_API_KEY", "PATH", "WEIRD");
    assertThat(String.join(",", names)).doesNotContain("secret").doesNotContain("/usr/bin");
  }

  @Test
  void argvIsSplitRawAndRedactedByTheReaderWithTheOneRedactor() {
    assertThat(CommandLine.split(nul("python3", "--api-key", "abc123"))).containsExactly("python3", "--api-key", "abc123");
    List<String> argv = dev.wraith.redact.Redactor.bundled().argv(CommandLine.split(nul("python3", "agent.py", "--api-key", "abc123", "--token=xyz",
        "--model", "gpt-4o", "sk-abcdefghijklmnopqrstuvwxyz", "-p", "8080")));
    assertThat(argv).containsExactly("python3", "agent.py", "--api-key", "***", "--token=***", "--model", "gpt-4o", "***",
        "-p", "8080");
  }

  @Test
  void programDropsPathAndVersion() {
    assertThat(CommandLine.program("/usr/bin/python3.11")).isEqualTo("python");
    assertThat(CommandLine.program("node")).isEqualTo("node");
  }
}
