package dev.wraith.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  private final List<String> lines = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();

  private void read(InputStream in, int max) throws IOException {
    LineReader.lines(in, max, (b, f, t, n) -> lines.add(n + ":" + new String(b, f, t - f, StandardCharsets.UTF_8)),
        (line, bytes, head) -> skipped.add(line + ":" + bytes));
  }

  private void read(String text, int max) throws IOException {
    read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }

  @Test
  void linesAreNumberedWithAndWithoutTheLastNewline() throws IOException {
    read("a\r\nbb\n\nccc", 10);
    assertThat(lines).containsExactly("1:a", "2:bb", "3:", "4:ccc");
    assertThat(skipped).isEmpty();
  }

  @Test
  void aLineLongerThanTheLimitIsSkippedAndTheRestIsRead() throws IOException {
    read("short\n" + "x".repeat(50) + "\nafter\n" + "y".repeat(11), 10);
    assertThat(lines).containsExactly("1:short", "3:after");
    assertThat(skipped).containsExactly("2:50", "4:11");
  }

  @Test
  void aLineOfExactlyTheLimitIsKept() throws IOException {
    read("x".repeat(10) + "\n" + "y".repeat(10), 10);
    assertThat(lines).containsExactly("1:" + "x".repeat(10), "2:" + "y".repeat(10));
  }

  /** Lines far longer than the buffer, streamed: the reader's memory is bounded by the limit, not the line. */
  @Test
  void aHugeLineStreamsPastWithoutBeingHeld() throws IOException {
    long huge = 300L << 20;
    InputStream in = new InputStream() {
      long at;

      @Override
      public int read() {
        return at < huge ? (at++ == huge - 1 ? '\n' : 'z') : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (at >= huge) return -1;
        int n = (int) Math.min(len, huge - at);
        java.util.Arrays.fill(b, off, off + n, (byte) 'z');
        at += n;
        if (at == huge) b[off + n - 1] = '\n';
        return n;
      }
    };
    read(new java.io.SequenceInputStream(in, new ByteArrayInputStream("tail\n".getBytes(StandardCharsets.UTF_8))), 4 << 20);
    assertThat(skipped).containsExactly("1:" + (huge - 1));
    assertThat(lines).containsExactly("2:tail");
  }

  @Test
  void chunksCarryManyLinesAndTheSinkCountsThem() throws IOException {
    List<Long> firsts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100_000; i++) text.append("line ").append(i).append('\n');
    LineReader.chunks(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), 100, (b, f, t, first) -> {
      firsts.add(first);
      long n = 0;
      for (int i = f; i < t; i++) if (b[i] == '\n') n++;
      return n;
    }, (l, n, h) -> skipped.add(l + ":" + n));
    assertThat(firsts.get(0)).isEqualTo(1);
    assertThat(firsts.size()).isGreaterThan(1);
    assertThat(skipped).isEmpty();
  }

  @Test
  void linesBeforeAFailureAreDeliveredThenTheFailureIsThrown() {
    InputStream failing = new InputStream() {
      final byte[] data = "one\ntwo\nthr".getBytes(StandardCharsets.UTF_8);
      int at;

      @Override
      public int read() throws IOException {
        if (at < data.length) return data[at++];
        throw new java.io.EOFException("cut");
      }
    };
    assertThatThrownBy(() -> read(failing, 100)).isInstanceOf(java.io.EOFException.class);
    assertThat(lines).containsExactly("1:one", "2:two", "3:thr");
  }
}
