package dev.wraith.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a server's stderr becomes lines: every line ending, long lines cut without keeping part of a token, to the end. */
class StderrDrainTest {
  private static List<String> drain(InputStream in) throws InterruptedException {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    assertThat(StderrDrain.start(in, lines::add, "mcp-stderr-test").awaitEnd(Duration.ofSeconds(30))).isTrue();
    return lines;
  }

  private static List<String> drain(String text) throws InterruptedException {
    return drain(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyLineEndingEndsALineAndTheLastLineNeedsNone() throws Exception {
    assertThat(drain("one\ntwo\r\nthree\rfour\n\nfive")).containsExactly("one", "two", "three", "four", "", "five");
    assertThat(drain("")).isEmpty();
    assertThat(drain("héllo ✓\n")).containsExactly("héllo ✓");
  }

  @Test
  void aLongLineKeepsItsStartUpToTheLastWholeWordAndTheNextLineIsIntact() throws Exception {
    String words = "word ".repeat(StderrDrain.LINE_CAP); // far past the cap
    String token = "t".repeat(StderrDrain.LINE_CAP + 10); // no whitespace at all before the cap
    List<String> lines = drain(words + "sk-proj-CutHere0123456789\nnext line\n" + token + "\nafter\n");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).endsWith("word …").hasSizeLessThanOrEqualTo(StderrDrain.LINE_CAP + 2);
    assertThat(lines.get(1)).isEqualTo("next line");
    assertThat(lines.get(2)).as("a token cut in part is never kept").isEqualTo(" …");
    assertThat(lines.get(3)).isEqualTo("after");
    // exactly at the cap is not cut
    String exact = "a".repeat(StderrDrain.LINE_CAP);
    assertThat(drain(exact + "\n")).containsExactly(exact);
  }

  @Test
  void gigabytesOnOneLineAreReadToTheEndInBoundedMemory() throws Exception {
    long size = 1L << 30; // one GiB of 'x' with no line end, then two lines: generated, never held in memory
    byte[] tail = "\nsecond to last\nthe end\n".getBytes(StandardCharsets.US_ASCII);
    InputStream in = new InputStream() {
      private long pos;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= size + tail.length) return -1;
        if (pos < size) {
          int n = (int) Math.min(len, size - pos);
          java.util.Arrays.fill(b, off, off + n, (byte) 'x');
          pos += n;
          return n;
        }
        int n = (int) Math.min(len, size + tail.length - pos);
        System.arraycopy(tail, (int) (pos - size), b, off, n);
        pos += n;
        return n;
      }
    };
    List<String> lines = drain(in);
    assertThat(lines).containsExactly(" …", "second to last", "the end");
  }
}
