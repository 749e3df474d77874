package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void namesThatWouldReadTheSameKeepTheirEnds() {
    TextTable t = new TextTable(60, "AGENT", "ROLE").paths().names(0).floor(0, 20);
    t.add("01-HikeBenefitsSummary (azure-openai-sdk)", "ai-client");
    t.add("01-HikeBenefitsSummary (openai-sdk)", "ai-client");
    t.add("a-name-that-is-alone-and-long-enough-to-be-cut", "agent");
    List<String> lines = Arrays.asList(t.render(30).split("\n"));
    List<String> names = lines.subList(2, lines.size()).stream().map(l -> l.split("  ", -1)[0]).toList();
    assertThat(names).doesNotHaveDuplicates();
    assertThat(names.get(0)).endsWith("sdk)").contains("…").hasSizeLessThanOrEqualTo(20);
    assertThat(names.get(1)).endsWith("sdk)").isNotEqualTo(names.get(0));
    // a name with no twin is cut at its end as before
    assertThat(names.get(2)).startsWith("a-name-that-is").endsWith("…");
  }

  @Test
  void endsKeepsBothSidesInTheWidth() {
    assertThat(TextTable.ends("abcdefghij", 5)).isEqualTo("ab…ij");
    assertThat(TextTable.ends("abc", 5)).isEqualTo("abc");
    assertThat(TextTable.ends("abcdef", 2)).isEqualTo("a…");
  }

  @Test
  void aColumnEmptyInEveryRowIsLeftOutAndItsWidthGoesToTheOthers() {
    TextTable t = new TextTable(60, "AGENT", "PATH", "PROVIDERS", "CAPABILITIES").paths(1).names(0);
    t.add("chain-workflow", "agentic-patterns/chain-workflow/", "anthropic, openai", "");
    t.add("kotlin-hello-world", "kotlin/kotlin-hello-world/", "openai", "");
    String out = t.render(60);
    assertThat(out).doesNotContain("CAPABILITIES").contains("anthropic, openai");
    assertThat(out.lines().mapToInt(String::length).max().orElseThrow()).isLessThanOrEqualTo(60);

    t.add("shell-agent", "shell/", "openai", "shell"); // one cell says something: the column is shown
    assertThat(t.render(80)).contains("CAPABILITIES").contains("shell");

    TextTable none = new TextTable(60, "AGENT", "NOTE"); // no rows: the header stays as declared
    assertThat(none.render(60)).contains("NOTE");
  }
}
