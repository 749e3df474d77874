package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.LayerStatus;
import dev.wraith.scan.LayerId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** scan-all's progress lines in a log (not a terminal): a layer's warnings, then its notes, each named for what it is. */
class LayerProgressTest {
  @Test
  void warningsAndNotesAreShownUnderTheLayerEachWithItsOwnWord() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    List<String> sevenNotes = List.of("n1", "n2", "n3", "n4", "n5", "n6", "n7");
    LayerStatus status = LayerStatus.ran("host", List.of("events may be missing between 10:00:01 and 10:00:03"))
        .withNotes(sevenNotes);
    try (LayerProgress progress = new LayerProgress(err, false, List.of("host"))) {
      progress.started(LayerId.HOST, "connections and processes");
      progress.finished(LayerId.HOST, status, "2 connections");
    }
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).contains("[host    ]   warning: events may be missing between 10:00:01 and 10:00:03",
        "[host    ]   note: n1", "[host    ]   note: n5", "[host    ]   and 2 more notes (all in report.md)");
    assertThat(lines).noneMatch(l -> l.contains("warning: n1") || l.contains("note: n6"));
    assertThat(lines.indexOf("[host    ]   note: n1"))
        .isGreaterThan(lines.indexOf("[host    ]   warning: events may be missing between 10:00:01 and 10:00:03"));
  }
}
