package dev.wraith.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.redact.Redactor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a probed server's stderr may show: the config's values and secret shapes masked, the last lines kept, cut. */
class StderrTailTest {
  @Test
  void masksWhatTheConfigHandedTheServerAndSecretShapesKeepsTheLastLinesAndCutsLongOnes() {
    StderrTail tail = new StderrTail(List.of("s3cr3t-PLANTED-value", "abc"), Redactor.bundled());
    tail.accept("fatal: cannot log in with token=s3cr3t-PLANTED-value");
    tail.accept("giving up, secret was s3cr3t-PLANTED-value");
    tail.accept("Authorization: Bearer sk-proj-StderrTailPlanted0123456789abcdef");
    tail.accept("   ");
    assertThat(tail.lines()).containsExactly("fatal: cannot log in with token=***", "giving up, secret was ***",
        "Authorization: ***");
    for (int i = 0; i < StderrTail.LINES + 3; i++) tail.accept("line " + i + " " + "x".repeat(300));
    assertThat(tail.lines()).hasSize(StderrTail.LINES).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(240))
        .first().asString().startsWith("line 3 ");
    assertThat(String.join("\n", tail.lines())).doesNotContain("PLANTED").doesNotContain("StderrTailPlanted");
  }
}
