package dev.wraith.code.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JavaDetectorTest {
  @Test
  void javaFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/java");
  }

  @Test
  void notUtf8IsAWarningAndStillScanned() {
    Catalogue c = FixtureHarness.catalogue();
    byte[] latin1 = "import com.google.genai.Client;\n/* Café */\nclass A { Client c = new Client(); }\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    Detection d = new JavaDetector(new FactMatcher(c), c).detect(new SourceFile("A.java", latin1));
    assertThat(d.warnings()).anyMatch(w -> w.contains("not valid UTF-8"));
    assertThat(d.findings()).anyMatch(f -> f.subject().equals("google-genai-java") && f.location().line() == 3);
  }

  @Test
  void twoOwnedWildcardImportsLeaveSimpleNamesUnresolved() {
    Catalogue c = FixtureHarness.catalogue();
    String src = """
        import dev.langchain4j.model.openai.*;
        import dev.langchain4j.model.anthropic.*;
        class A { Object m = OpenAiChatModel.builder().build(); }
        """;
    Detection d = new JavaDetector(new FactMatcher(c), c).detect(new SourceFile("A.java", src.getBytes(StandardCharsets.UTF_8)));
    assertThat(d.findings()).noneMatch(f -> f.kind().id().equals("sdk-client"));
  }

  @Test
  void hostileNestingDoesNotCrash() {
    Catalogue c = FixtureHarness.catalogue();
    int n = 20_000;
    String src = "import dev.langchain4j.model.openai.OpenAiChatModel;\nclass H { void f() { var m = OpenAiChatModel.builder().build();\n"
        + "Object x = " + "(".repeat(n) + "1" + ")".repeat(n) + ";\n"
        + "Object y = m" + ".f".repeat(n) + ".g();\n" + "m" + ".chat()".repeat(n) + ";\n}}\n";
    Detection d = new JavaDetector(new FactMatcher(c), c).detect(new SourceFile("H.java", src.getBytes(StandardCharsets.UTF_8)));
    assertThat(d.findings()).anyMatch(f -> f.kind().id().equals("sdk-client"));
  }
}
