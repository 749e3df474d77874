package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TriggerIndexTest {
  @Test
  void findsTokensCaseInsensitivelyAndOnlyWhenPresent() {
    TriggerIndex idx = TriggerIndex.of(List.of("openai", "langchain", "api.anthropic.com", "OPENAI_API_KEY"));
    assertThat(hit(idx, "import OpenAI from 'x'")).isTrue();
    assertThat(hit(idx, "curl https://API.Anthropic.com/v1")).isTrue();
    assertThat(hit(idx, "from langchai import x; lang chain")).isFalse();
    assertThat(hit(idx, "openapi_spec openap1")).isFalse();
    assertThat(hit(idx, "")).isFalse();
  }

  @Test
  void agreesWithNaiveSearchOnRandomInput() {
    Random rnd = new Random(42);
    List<String> tokens = List.of("abca", "bcab", "caab", "aaab", "cbcb");
    TriggerIndex idx = TriggerIndex.of(tokens);
    for (int i = 0; i < 5000; i++) {
      StringBuilder s = new StringBuilder();
      int n = rnd.nextInt(20);
      for (int j = 0; j < n; j++) s.append("abcABC".charAt(rnd.nextInt(6)));
      String lower = s.toString().toLowerCase(Locale.ROOT);
      boolean naive = tokens.stream().anyMatch(lower::contains);
      assertThat(hit(idx, s.toString())).as(s.toString()).isEqualTo(naive);
    }
  }

  private static boolean hit(TriggerIndex idx, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return idx.anyIn(b, b.length);
  }
}
