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

  @Test
  void groupsShareOneAutomatonButAnswerSeparately() {
    TriggerIndex idx = TriggerIndex.ofGroups(List.of(List.of("import openai", "api.openai.com"), List.of("\"openai\"", "api.openai.com")));
    assertThat(hit(idx, "import OpenAI", 0)).isTrue();
    assertThat(hit(idx, "import OpenAI", 1)).isFalse();
    assertThat(hit(idx, "require(\"openai\")", 1)).isTrue();
    assertThat(hit(idx, "require(\"openai\")", 0)).isFalse();
    assertThat(hit(idx, "x = 'https://API.openai.com/v1'", 0)).isTrue();
    assertThat(hit(idx, "x = 'https://API.openai.com/v1'", 1)).isTrue();
    assertThat(idx.anyIn(bytes("require(\"openai\")"), 16)).as("any group, within length").isTrue();
    assertThat(idx.anyIn(bytes("require(\"openai\")"), 15)).as("the closing quote lies past length").isFalse();
  }

  @Test
  void groupsAgreeWithNaiveSearchOnRandomInput() {
    Random rnd = new Random(7);
    List<List<String>> groups = new java.util.ArrayList<>();
    for (int g = 0; g < 5; g++) {
      List<String> tokens = new java.util.ArrayList<>();
      for (int k = 0; k < 1 + rnd.nextInt(4); k++) tokens.add(random(rnd, 2 + rnd.nextInt(3), "abc.-\u00e9"));
      groups.add(tokens);
    }
    TriggerIndex idx = TriggerIndex.ofGroups(groups);
    for (int i = 0; i < 5000; i++) {
      String s = random(rnd, rnd.nextInt(24), "abcABC.-\u00e9\u00c9");
      String lower = lowerAscii(s);
      for (int g = 0; g < groups.size(); g++) {
        boolean naive = groups.get(g).stream().anyMatch(lower::contains);
        assertThat(hit(idx, s, g)).as(g + " in " + s).isEqualTo(naive);
      }
    }
  }

  /** Files long enough to be walked in two parts: a token anywhere, across the middle included, is found. */
  @Test
  void longInputsFindTokensAnywhere() {
    List<String> tokens = List.of("import openai", "from langchain_core");
    TriggerIndex idx = TriggerIndex.of(tokens);
    for (int length : new int[] {600, 601, 2000, 4097}) {
      for (String token : tokens) {
        for (int at = 0; at + token.length() <= length; at++) {
          byte[] b = new byte[length];
          java.util.Arrays.fill(b, (byte) 'x');
          System.arraycopy(bytes(token), 0, b, at, token.length());
          assertThat(idx.anyIn(b, length)).as(token + " at " + at + " of " + length).isTrue();
          assertThat(idx.anyIn(b, at + token.length() - 1)).as(token + " cut short at " + at + " of " + length).isFalse();
        }
      }
      byte[] none = new byte[length];
      java.util.Arrays.fill(none, (byte) 'i');
      assertThat(idx.anyIn(none, length)).isFalse();
    }
  }

  private static String random(Random rnd, int n, String alphabet) {
    StringBuilder s = new StringBuilder();
    for (int j = 0; j < n; j++) s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    return s.toString();
  }

  /** The index folds ASCII only: U+00C9 stays distinct from U+00E9. */
  private static String lowerAscii(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    return b.toString();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean hit(TriggerIndex idx, String s, int group) {
    byte[] b = bytes(s);
    return idx.anyIn(b, b.length, group);
  }

  private static boolean hit(TriggerIndex idx, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return idx.anyIn(b, b.length);
  }
}
