package dev.wraith.code.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskTest {
  @Test
  void masksCredentialFlagsAssignmentsAndKeyShapes() {
    assertThat(SecretMask.argv(List.of("app", "--api-key=sk-abc", "--token", "t0k3n", "--model", "gpt-4o")))
        .containsExactly("app", "--api-key=***", "--token", "***", "--model", "gpt-4o");
    assertThat(SecretMask.line("OPENAI_API_KEY=x DB_PASSWORD=y python run.py ghp_abcdefghijklmnopqrstu"))
        .isEqualTo("OPENAI_API_KEY=*** DB_PASSWORD=*** python run.py ***");
    assertThat(SecretMask.argv(List.of("AKIAIOSFODNN7EXAMPLE", "Zq8xT3vKp1LmN7rW2yB5cD9fG4hJ6kQ0sU8vX1zA3bE5")))
        .containsExactly("***", "***");
  }

  @Test
  void urlsKeepHostAndPathOnly() {
    assertThat(SecretMask.argv(List.of("https://user:pw@api.openai.com/v1/chat?api_key=abc")))
        .containsExactly("https://api.openai.com/v1/chat");
  }

  @Test
  void ordinaryWordsStay() {
    List<String> argv = List.of("python", "-m", "app.main", "/srv/app/agent.py", "--workers", "4",
        "ghcr.io/acme/research-agent:1.4.2", "com.example.very.long.package.name.MainApplication");
    assertThat(SecretMask.argv(argv)).isEqualTo(argv);
  }

  @Test
  void hugeWordsAreMaskedAndPathologicalInputIsFast() {
    String dots = "a.".repeat(500_000);
    long start = System.nanoTime();
    assertThat(SecretMask.argv(List.of(dots))).containsExactly(SecretMask.MASK);
    assertThat(HelmTemplate.strip("x: " + "{{ a }} ".repeat(40) + "y\n")).startsWith("x: $(tpl)");
    assertThat(HelmTemplate.strip("{{".repeat(20_000))).isNotNull();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }
}
