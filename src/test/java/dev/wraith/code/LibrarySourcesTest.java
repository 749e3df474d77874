package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.correlate.CorrelationInput;
import dev.wraith.correlate.Correlator;
import dev.wraith.model.Classification;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Deployable;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.ScanReport;
import dev.wraith.report.JsonReporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An AI library's own source (a fork or vendored copy of an SDK or framework) is not an agent, while services that use,
 * depend on or are named like one stay agents. The fixture {@code library-source} says in each AI file's first line
 * what its unit must be ({@code unit: library NAME (SIGNATURE)} or {@code unit: agent NAME}).
 */
class LibrarySourcesTest {
  private static final Path FIXTURE = FixtureHarness.resource("library-source");
  private static final Pattern UNIT = Pattern.compile("(?://|#)\\s*unit:\\s*(library|agent)\\s+(.+?)\\s*$");
  private static final CodeScan SCAN = FixtureHarness.scan(FIXTURE);

  @Test
  void libraryUnitsAreNotAgentsAndEveryOtherUnitIs() throws IOException {
    Expected expected = expected();
    assertThat(expected.agents()).isNotEmpty();
    assertThat(expected.libraries()).isNotEmpty();
    assertThat(SCAN.deployables()).extracting(Deployable::name).containsExactlyInAnyOrderElementsOf(expected.agents());
    assertThat(SCAN.agents()).extracting(CodeAgent::path).doesNotContainAnyElementsOf(expected.libraryFiles());
    assertThat(SCAN.status().notes()).containsExactly(LibrarySources.note(List.copyOf(expected.libraries())));
    assertThat(SCAN.status().warnings()).isEmpty(); // a note, not a warning: nothing was missed
    assertThat(SCAN.status().state().id()).isEqualTo("ran");
  }

  @Test
  void theLibrariesFindingsStay() throws IOException {
    TreeSet<String> withFindings = new TreeSet<>();
    SCAN.findings().forEach(f -> withFindings.add(f.location().path()));
    assertThat(withFindings).containsAll(expected().libraryFiles());
  }

  @Test
  void correlationListsNoUnknownAgentForALibraryAndKeepsTheRealAgents() throws IOException {
    List<InventoryAgent> agents = new Correlator(FixtureHarness.catalogue())
        .correlate(CorrelationInput.of(new ScanReport.Tool("wraith", "test", "0", 1), Instant.EPOCH).withCode(SCAN, Map.of()))
        .agents();
    assertThat(agents).extracting(InventoryAgent::name).containsExactlyInAnyOrderElementsOf(expected().agents());
    assertThat(agents).allMatch(a -> a.classification() == Classification.UNKNOWN);
  }

  @Test
  void scanJsonCarriesTheNoteInTheCodeLayersStatus() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReporter(dev.wraith.redact.Redactor.bundled())
        .write(new ScanReport(new ScanReport.Tool("wraith", "test", "0", 1), SCAN), out);
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toByteArray());
    assertThat(json.path("layers").get(0).path("notes").get(0).asText()).isEqualTo(SCAN.status().notes().get(0));
    TreeSet<String> paths = new TreeSet<>();
    json.path("agents").forEach(a -> paths.add(a.path("path").asText()));
    assertThat(paths).isNotEmpty().doesNotContainAnyElementsOf(expected().libraryFiles());
  }

  @Test
  void theNoteNamesTheFirstTenThenCountsTheRest() {
    assertThat(LibrarySources.note(List.of("openai (openai-python)")))
        .isEqualTo("1 module is an AI library's own source, not an agent: openai (openai-python)");
    List<String> twelve = IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("m%02d (rig)", i)).toList();
    assertThat(LibrarySources.note(twelve)).startsWith("12 modules are AI libraries' own source, not agents: m01 (rig), ")
        .endsWith("m10 (rig), +2 more").doesNotContain("m11");
  }

  @Test
  void aTreeWithoutLibrarySourceHasNoNote() {
    CodeScan scan = FixtureHarness.scan(FIXTURE.resolve("support-bot"));
    assertThat(scan.status().notes()).isEmpty();
    assertThat(scan.deployables()).extracting(Deployable::name).containsExactly("support-bot");
  }

  @Test
  void theTableSaysFindingsAreBehindTheAgentsOnlyWhenNoUnitWasLeftOut() throws IOException {
    String withLibraries = table(SCAN);
    assertThat(withLibraries).contains(SCAN.findings().size() + " findings: --details lists every one")
        .doesNotContain("behind these agents");
    CodeScan agentsOnly = FixtureHarness.scan(FIXTURE.resolve("support-bot"));
    assertThat(table(agentsOnly)).contains(agentsOnly.findings().size() + " findings behind these agents: --details");
  }

  private static String table(CodeScan scan) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new dev.wraith.report.TableReporter(100, false, dev.wraith.redact.Redactor.bundled())
        .write(new ScanReport(new ScanReport.Tool("wraith", "test", "0", 1), scan), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What the fixture's files say: agent names, library labels, and the library files. */
  private record Expected(TreeSet<String> agents, TreeSet<String> libraries, TreeSet<String> libraryFiles) {}

  private static Expected expected() throws IOException {
    Expected e = new Expected(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
    Map<String, String> firstLines = new TreeMap<>();
    try (Stream<Path> files = Files.walk(FIXTURE)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (!lines.isEmpty()) firstLines.put(FIXTURE.relativize(f).toString().replace('\\', '/'), lines.get(0));
      }
    }
    firstLines.forEach((path, line) -> {
      Matcher m = UNIT.matcher(line);
      if (!m.find()) return;
      if (m.group(1).equals("agent")) {
        e.agents().add(m.group(2));
      } else {
        e.libraries().add(m.group(2));
        e.libraryFiles().add(path);
      }
    });
    return e;
  }
}
