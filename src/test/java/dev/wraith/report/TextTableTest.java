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
    List<String> names = lines.subList(2, lines.size()).stream().map(l -> l.split("  ")[0]).toList();
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
}
