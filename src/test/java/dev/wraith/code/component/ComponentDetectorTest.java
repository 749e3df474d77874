package dev.wraith.code.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.FixtureHarness;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Finding;
import org.junit.jupiter.api.Test;

class ComponentDetectorTest {
  @Test
  void componentFixturesMatchTheirExpectations() {
    CodeScan scan = FixtureHarness.assertFixtures("code/component");
    // positions are the component's own: the client in ChatPanel.vue starts at column 16 of line 12
    Finding client = scan.findings().stream().filter(f -> f.location().path().equals("ChatPanel.vue")).findFirst().orElseThrow();
    assertThat(client.location().column()).isEqualTo(16);
    assertThat(scan.models()).anySatisfy(m -> {
      assertThat(m.location().path()).isEqualTo("Assistant.svelte");
      assertThat(m.model()).isEqualTo("llama-3.1-8b-instant");
    });
  }

  @Test
  void scriptBlocksKeepEveryPositionAndBlankEverythingElse() {
    String vue = "<template>\n  <p>openai</p>\n</template>\n<script lang=\"ts\">\nconst x = 1;\n</script>\n";
    ScriptBlocks b = ScriptBlocks.of(vue, false);
    assertThat(b.text()).hasSameSizeAs(vue);
    java.util.List<String> expected = vue.lines().map(l -> l.equals("const x = 1;") ? l : " ".repeat(l.length())).toList();
    assertThat(b.text().lines().toList()).isEqualTo(expected);
    assertThat(b.extension()).isEqualTo(".ts");
  }

  @Test
  void externalScriptsAndDataScriptsAreNotCode() {
    assertThat(ScriptBlocks.of("<script src=\"a.js\">import OpenAI from 'openai'</script>", false).isEmpty()).isTrue();
    assertThat(ScriptBlocks.of("<script type=\"application/json\">{\"openai\": 1}</script>", false).isEmpty()).isTrue();
    assertThat(ScriptBlocks.of("<script type=\"module\">import x from 'y'</script>", false).isEmpty()).isFalse();
  }
}
