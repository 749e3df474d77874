package dev.wraith.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.ExecSession;
import dev.wraith.model.ExecSession.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogReaderTest {
  @TempDir Path dir;

  @Test
  void keepsExecAttachAndDebugOfBothVerbsOncePerAuditIdAndIgnoresNoise() {
    AuditLogReader.Result r = new AuditLogReader(dev.wraith.redact.Redactor.bundled()).read(List.of(ClusterFixtures.audit()));
    assertThat(r.events()).isEqualTo(11);
    assertThat(r.warnings()).isEmpty();
    assertThat(r.sessions()).extracting(ExecSession::source, ExecSession::pod, ExecSession::user)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Source.AUDIT_EXEC, "checkout-api-7d9c6b5f4-x2x7q", "alice@example.com"),
            org.assertj.core.groups.Tuple.tuple(Source.AUDIT_EXEC, "scratch-agent", "bob@example.com"),
            org.assertj.core.groups.Tuple.tuple(Source.AUDIT_EXEC, "ollama-0", "mallory@example.com"),
            org.assertj.core.groups.Tuple.tuple(Source.AUDIT_EPHEMERAL, "checkout-api-7d9c6b5f4-m4k9d", "alice@example.com"),
            org.assertj.core.groups.Tuple.tuple(Source.AUDIT_ATTACH, "kube-proxy-8hx2d", "ops-admin"));
  }

  @Test
  void decodesTheCommandFromRepeatedParametersAndMasksCredentials() {
    AuditLogReader.Result r = new AuditLogReader(dev.wraith.redact.Redactor.bundled()).read(List.of(ClusterFixtures.audit()));
    ExecSession websocket = r.sessions().stream().filter(s -> s.pod().endsWith("x2x7q")).findFirst().orElseThrow();
    assertThat(websocket.command()).isEqualTo("python3 /tmp/agent.py --openai-key *** --loop");
    assertThat(websocket.container()).isEqualTo("app");
    assertThat(websocket.code()).isEqualTo(101);
    ExecSession spdy = r.sessions().stream().filter(s -> s.pod().equals("scratch-agent")).findFirst().orElseThrow();
    assertThat(spdy.command()).isEqualTo("tar cf - /app/memory.db");
    ExecSession denied = r.sessions().stream().filter(s -> s.pod().equals("ollama-0")).findFirst().orElseThrow();
    assertThat(denied.command()).isEqualTo("sh -c ollama pull llama3");
    assertThat(denied.denied()).isTrue();
  }

  @Test
  void badLinesAreWarningsNotCrashes() throws IOException {
    Path log = Files.writeString(dir.resolve("audit.log"), "not json\n{\"kind\":\"Event\"}\n\n{broken\n");
    AuditLogReader.Result r = new AuditLogReader(dev.wraith.redact.Redactor.bundled()).read(List.of(log, dir.resolve("missing.log")));
    assertThat(r.sessions()).isEmpty();
    assertThat(r.events()).isEqualTo(1);
    assertThat(r.warnings()).hasSize(3).anyMatch(w -> w.contains("2 lines")).anyMatch(w -> w.contains("missing.log"));
  }

  @Test
  void aFileWithoutAuditEventsSaysSo() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.log"), "");
    Path other = Files.writeString(dir.resolve("other.log"), "{\"kind\":\"Pod\"}\n{}\n");
    AuditLogReader.Result r = new AuditLogReader(dev.wraith.redact.Redactor.bundled()).read(List.of(empty, other));
    assertThat(r.events()).isZero();
    assertThat(r.warnings()).containsExactly(empty + ": empty, no audit events",
        other + ": holds no audit events (JSON lines of kind Event, audit.k8s.io/v1)");
  }

  @Test
  void longAndDeepLinesAreSkippedAndTheRestIsRead() throws IOException {
    String event = java.nio.file.Files.readAllLines(ClusterFixtures.audit()).get(0);
    Path log = Files.writeString(dir.resolve("audit.log"), "{\"a\":\"" + "x".repeat(5000) + "\"}\n"
        + "[".repeat(500) + "]".repeat(500) + "\n" + event + "\n");
    AuditLogReader.Result r = new AuditLogReader(dev.wraith.redact.Redactor.bundled(), dev.wraith.files.Limits.DEFAULT.withLineBytes(4096)).read(List.of(log));
    assertThat(r.events()).isEqualTo(1);
    assertThat(r.warnings()).containsExactly(
        log + ":1: not a JSON audit event (a line of 4.9 KiB, longer than the 4 KiB limit), skipped (further bad lines "
            + "counted only)",
        log + ": 2 lines were not JSON audit events");
  }

  @Test
  void aFifoIsAWarningNotAHang() throws Exception {
    Path fifo = dir.resolve("audit.fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    AuditLogReader.Result r = new AuditLogReader(dev.wraith.redact.Redactor.bundled()).read(List.of(fifo));
    assertThat(r.warnings()).containsExactly(fifo + " is a named pipe (FIFO), not a regular file; save what it holds to a "
        + "file and give that");
  }
}
