package dev.wraith.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void masksFlagValuesKeyShapedTokensAndUrlCredentials() {
    assertThat(Redactor.command(List.of("agent", "--api-key", "abc", "--token=xyz", "PASSWORD=p", "sk-proj-0123456789abcdef",
        "https://u:p@host.example/x?key=1", "--model", "gpt-4o")))
        .isEqualTo("agent --api-key *** --token=*** PASSWORD=*** *** https://***@host.example/x?*** --model gpt-4o");
  }

  @Test
  void leavesOrdinaryCommandsAlone() {
    assertThat(Redactor.command(List.of("python", "-m", "vllm.entrypoints.openai.api_server", "--port", "8000")))
        .isEqualTo("python -m vllm.entrypoints.openai.api_server --port 8000");
  }
}
