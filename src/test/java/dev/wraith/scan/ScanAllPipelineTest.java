package dev.wraith.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.Attributed;
import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.McpFinding;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What scan-all does after the layers: MCP servers from the process table, code hashes, atomic result files. */
class ScanAllPipelineTest {
  @TempDir Path dir;

  static ProcessInfo process(int pid, String... argv) {
    return new ProcessInfo(pid, 1000 + pid, 1, 1000, List.of(), "/usr/bin/node", List.of(argv), "/", List.of(),
        Optional.empty(), "net:[4026531840]");
  }

  @Test
  void mcpServersAreFoundInTheProcessTableOnceEachAndVerifiedExactly() {
    ProcessInfo official = process(10, "npx", "-y", "@modelcontextprotocol/server-filesystem@2026.8.31", "/srv");
    ProcessInfo evil = process(11, "npx", "-y", "@modelcontextprotocol/server-filesystem-evil", "/srv");
    ProcessInfo web = process(12, "node", "/srv/app/server.js");
    Instant t = Instant.parse("2026-11-27T08:00:00Z");
    // the same official server also talks to an AI endpoint, so the host window lists it too: still one server
    HostScan window = new HostScan("/proc", t, t.plusSeconds(10), List.of(new Observation(official, ProcessOrigin.NODE,
        Optional.empty(), "162.159.140.245", 443, new Attributed("openai", "api.openai.com", Attributed.Method.PIN), t, t, 1, 1)),
        List.of(), LayerStatus.ran("host", List.of()), new HostScan.Stats(50, 10, 2, 3, 1));
    var result = ScanAll.Result.of(List.of()).with(LayerId.HOST, new HostLayer.Observed(window, List.of(official, evil, web)));
    List<McpFinding> found = ScanAllPipeline.mcpFindings(CatalogueLoader.bundled(), result, List.of());
    assertThat(found).hasSize(2);
    assertThat(found).filteredOn(f -> f.server().pkg().name().equals("@modelcontextprotocol/server-filesystem"))
        .singleElement().satisfies(f -> assertThat(f.verdict().verified()).isTrue());
    assertThat(found).filteredOn(f -> f.server().pkg().name().equals("@modelcontextprotocol/server-filesystem-evil"))
        .singleElement().satisfies(f -> assertThat(f.verdict().verified()).isFalse());
  }

  @Test
  void resultFilesAreReplacedWholeAndNoTemporaryFileStays() throws Exception {
    Path target = dir.resolve("inventory.json");
    Files.writeString(target, "old");
    ScanAllPipeline.write(target, out -> out.write("new".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("new");
    try {
      ScanAllPipeline.write(target, out -> {
        out.write("half".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        throw new java.io.IOException("No space left on device");
      });
    } catch (java.io.IOException expected) {
      assertThat(expected).hasMessage("no space left on device while writing " + target + "; free some space");
    }
    assertThat(Files.readString(target)).isEqualTo("new");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("inventory.json");
    }
  }
}
