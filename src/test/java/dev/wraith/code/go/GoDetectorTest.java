package dev.wraith.code.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoDetectorTest {
  @Test
  void goFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/go");
  }

  @Test
  void notUtf8IsAWarningAndStillScanned() {
    Catalogue c = FixtureHarness.catalogue();
    byte[] latin1 = "package p\n// Café bot\nimport \"github.com/anthropics/anthropic-sdk-go\"\nfunc f() { anthropic.NewClient() }\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    Detection d = new GoDetector(new FactMatcher(c), c).detect(new SourceFile("bot.go", latin1));
    assertThat(d.warnings()).anyMatch(w -> w.contains("not valid UTF-8"));
    assertThat(d.findings()).anyMatch(f -> f.subject().equals("anthropic-go") && f.location().line() == 4);
  }

  @Test
  void defaultPackageNamesDropVersionsAndGoAffixes() {
    assertThat(GoImports.defaultName("github.com/sashabaranov/go-openai")).isEqualTo("openai");
    assertThat(GoImports.defaultName("github.com/openai/openai-go/v3")).isEqualTo("openai");
    assertThat(GoImports.defaultName("github.com/anthropics/anthropic-sdk-go")).isEqualTo("anthropic");
    assertThat(GoImports.defaultName("gopkg.in/yaml.v3")).isEqualTo("yaml");
    assertThat(GoImports.defaultName("google.golang.org/genai")).isEqualTo("genai");
  }
}
