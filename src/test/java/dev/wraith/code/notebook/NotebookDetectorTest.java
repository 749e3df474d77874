package dev.wraith.code.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.Detection;
import dev.wraith.code.FileDetector;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Finding;
import dev.wraith.scan.Registry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NotebookDetectorTest {
  private static FileDetector detector() {
    return Registry.codeDetectors(FixtureHarness.catalogue()).stream().filter(d -> d.id().equals("notebook/cells")).findFirst().orElseThrow();
  }

  private static Detection detect(String path, String json) {
    return detector().detect(new SourceFile(path, json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void notebookFixturesMatchTheirExpectations() {
    CodeScan scan = FixtureHarness.assertFixtures("code/notebook");
    assertThat(scan.models()).anySatisfy(m -> {
      assertThat(m.location().path()).isEqualTo("rag_demo.ipynb");
      assertThat(m.model()).isEqualTo("gpt-4o-mini");
      assertThat(m.location().line()).isEqualTo(58);
    });
  }

  @Test
  void aCellWrittenAsOneStringMapsEachLineAndColumnIntoTheString() {
    String json = "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"import os\\nfrom openai import OpenAI\\n  c = OpenAI()\"}]}";
    Detection d = detect("one.ipynb", json);
    Finding f = d.findings().stream().filter(x -> x.kind().id().equals("sdk-client")).findFirst().orElseThrow();
    assertThat(f.location().line()).isEqualTo(1);
    // the call starts at cell column 7; in the JSON it sits after the escapes \n of the two lines before it
    int expected = json.indexOf("c = OpenAI()") + 4 + 1;
    assertThat(f.location().column()).isEqualTo(expected);
  }

  @Test
  void outputsAndMarkdownAreNeverRead() {
    String json = "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\"from openai import OpenAI\\n\", \"OpenAI()\"]},"
        + "{\"cell_type\": \"code\", \"source\": [\"x = 1\"], \"outputs\": [{\"text\": [\"from openai import OpenAI\\nOpenAI()\\nOPENAI_API_KEY\"]}]}]}";
    assertThat(detect("quiet.ipynb", json).findings()).isEmpty();
  }

  @Test
  void invalidJsonIsOneWarningThatQuotesNothing() {
    Detection d = detect("broken.ipynb", "{\"cells\": [ {\"source\": \"sk-secret-in-a-broken-file");
    assertThat(d.findings()).isEmpty();
    assertThat(d.warnings()).singleElement().satisfies(w -> {
      assertThat(w).startsWith("broken.ipynb: ");
      assertThat(w).doesNotContain("sk-secret");
    });
  }

  @Test
  void aLargeBase64OutputDoesNotStopTheCodeFromBeingRead() {
    String image = "A".repeat(3_000_000);
    String json = "{\"cells\": [{\"cell_type\": \"code\", \"outputs\": [{\"data\": {\"image/png\": \"" + image + "\"}}],"
        + " \"source\": [\"import anthropic\\n\", \"client = anthropic.Anthropic()\"]}]}";
    assertThat(detect("big.ipynb", json).findings()).extracting(f -> f.subject()).contains("anthropic-python");
  }

  @Test
  void cellsOfAnotherLanguageInAPolyglotNotebookGoToThatLanguagesDetector() {
    String json = "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {\"polyglot_notebook\": {\"kernelName\": \"javascript\"}},"
        + " \"source\": [\"const OpenAI = require('openai');\\n\", \"const c = new OpenAI();\"]},"
        + "{\"cell_type\": \"code\", \"metadata\": {\"polyglot_notebook\": {\"kernelName\": \"pwsh\"}}, \"source\": [\"Get-Item openai\"]}],"
        + " \"metadata\": {\"kernelspec\": {\"language\": \"C#\"}}}";
    assertThat(detect("poly.ipynb", json).findings()).extracting(f -> f.subject()).containsExactly("openai-js");
  }

  @Test
  void aShellCommandContinuedByBackslashesIsReadWhole() {
    String json = "{\"cells\": ["
        + "{\"cell_type\": \"code\", \"source\": [\"!pip install -qU \\\\\\n\", \"    anthropic==0.21.3 \\\\\\n\", "
        + "\"    langchain \\\\\\n\", \"    qdrant-client\\n\", \"import anthropic\\n\", \"total = 1 + \\\\\\n\", "
        + "\"    2\\n\", \"c = anthropic.Anthropic()\"]},"
        + "{\"cell_type\": \"code\", \"source\": [\"%%bash\\n\", \"pip install \\\\\\n\", \"  crewai\"]}]}";
    Detection d = detect("cont.ipynb", json);
    assertThat(d.warnings()).as("the continued lines are not Python").isEmpty();
    assertThat(d.findings()).filteredOn(f -> f.kind().id().equals("dependency"))
        .extracting(f -> f.subject() + "@" + f.location().line())
        .containsExactlyInAnyOrder("anthropic-python@1", "langchain@1", "qdrant-python@1", "crewai@1");
    // a Python line continued by a backslash is still Python, and the call after it keeps its own line
    assertThat(d.findings()).filteredOn(f -> f.kind().id().equals("sdk-client"))
        .extracting(f -> f.location().column()).containsExactly(json.indexOf("c = anthropic.Anthropic()") + 4 + 1);
  }

  @Test
  void dotnetInteractiveDirectivesAreNotCSharpAndTheCellsParseCleanly() {
    Detection d = detect("sk.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"#r \\\"nuget: OpenAI, 2.1.0\\\"\\n\", "
        + "\"#!import config/Settings.cs\\n\", \"#pragma warning disable SKEXP0001\\n\", \"using OpenAI;\\n\", "
        + "\"var c = new OpenAIClient(key);\"]}], \"metadata\": {\"kernelspec\": {\"language\": \"C#\"}}}");
    assertThat(d.warnings()).isEmpty();
    assertThat(d.findings()).extracting(f -> f.kind().id() + " " + f.subject())
        .containsExactlyInAnyOrder("dependency openai-dotnet", "sdk-client openai-dotnet");
  }

  @Test
  void nugetReferencesOutsideDotnetNotebooksAndMalformedOnesAreNothing() {
    assertThat(DotnetInteractive.packageReference("#r \"nuget: OpenAI, 2.1.0\"")).containsExactly("<PackageReference Include=\"OpenAI\" Version=\"2.1.0\" />");
    assertThat(DotnetInteractive.packageReference("#r \"nuget: Bad<Name>\"")).isEmpty();
    assertThat(DotnetInteractive.packageReference("#r \"nuget: OpenAI, 1.0\" /><Evil x=\"\"")).isEmpty();
    assertThat(DotnetInteractive.packageReference("#r \"nuget: OpenAI, 1.0&amp;\"")).containsExactly("<PackageReference Include=\"OpenAI\" />");
    assertThat(DotnetInteractive.codeLine("#region x")).containsExactly("#region x");
    assertThat(DotnetInteractive.codeLine("#r \"System.Net.Http.dll\"")).containsExactly("");
    // a Python notebook's "#r" is a comment, read as Python: no package reference is made of it
    String py = "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"#r \\\"nuget: OpenAI, 2.1.0\\\"\\n\", \"x = 1\"]}]}";
    assertThat(detect("py.ipynb", py).findings()).isEmpty();
  }
}
