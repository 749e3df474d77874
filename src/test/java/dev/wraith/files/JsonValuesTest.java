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

class JsonValuesTest {
  private final List<String> seen = new ArrayList<>();

  private final JsonValues.Visitor visitor = new JsonValues.Visitor() {
    @Override
    public void start(boolean object) {
      seen.add(object ? "{" : "[");
    }

    @Override
    public void element(byte[] b, int from, int to) {
      seen.add("e " + new String(b, from, to - from, StandardCharsets.UTF_8));
    }

    @Override
    public void member(String name, byte[] b, int from, int to) {
      seen.add("m " + name + "=" + new String(b, from, to - from, StandardCharsets.UTF_8));
    }

    @Override
    public void end(boolean object) {
      seen.add(object ? "}" : "]");
    }

    @Override
    public void skipped(long offset, String why) {
      seen.add("skipped@" + offset + " " + why);
    }
  };

  private void read(String json, Limits limits) throws IOException {
    read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), limits);
  }

  private void read(InputStream in, Limits limits) throws IOException {
    JsonValues.read(in, limits, "items", visitor);
  }

  @Test
  void aListGivesItsItemsOneByOneAndItsOtherMembers() throws IOException {
    read("\uFEFF{\"apiVersion\": \"v1\", \"items\": [ {\"kind\":\"Pod\",\"s\":\"a]}\\\"b\"}, {\"kind\":\"Service\"} ],"
        + " \"kind\":\"List\", \"n\": -1.5e3, \"t\":true}", Limits.DEFAULT);
    assertThat(seen).containsExactly("{", "m apiVersion=\"v1\"", "e {\"kind\":\"Pod\",\"s\":\"a]}\\\"b\"}",
        "e {\"kind\":\"Service\"}", "m kind=\"List\"", "m n=-1.5e3", "m t=true", "}");
  }

  @Test
  void memberNamesWithEscapesAndNonAsciiAreKept() throws IOException {
    read("{\"a\\\"b\": 1, \"naïve\": [2], \"items\": [3]}", Limits.DEFAULT);
    assertThat(seen).containsExactly("{", "m a\\\"b=1", "m naïve=[2]", "e 3", "}");
  }

  @Test
  void topLevelArraysAndConcatenatedValues() throws IOException {
    read("[{\"a\":[1,2]}, 3, \"x\"]\n{\"kind\":\"Pod\"}\n[]", Limits.DEFAULT);
    assertThat(seen).containsExactly("[", "e {\"a\":[1,2]}", "e 3", "e \"x\"", "]", "{", "m kind=\"Pod\"", "}", "[", "]");
  }

  @Test
  void anOversizeItemIsSkippedAndTheNextOneRead() throws IOException {
    Limits small = Limits.DEFAULT.withDocumentBytes(64);
    read("{\"items\":[{\"big\":\"" + "x".repeat(1000) + "\"},{\"ok\":1}],\"kind\":\"List\"}", small);
    assertThat(seen).containsExactly("{", "skipped@10 larger than 64 bytes", "e {\"ok\":1}", "m kind=\"List\"", "}");
  }

  @Test
  void deepNestingIsSkippedByTheLimitCountedFromTheTop() throws IOException {
    Limits l = new Limits(1 << 20, 1 << 20, 5, 1 << 20, 1 << 20, 10);
    read("{\"items\":[{\"a\":[[1]]},{\"a\":[[[1]]]}]}", l);
    assertThat(seen).containsExactly("{", "e {\"a\":[[1]]}", "skipped@22 nested deeper than 5 levels", "}");
  }

  /** A single 200 MB element streams past with a 1 MiB document limit: nothing of it is held. */
  @Test
  void aHugeValueIsSkippedWithoutBeingHeld() throws IOException {
    long size = 200L << 20;
    InputStream body = new InputStream() {
      long left = size;

      @Override
      public int read() {
        return left-- > 0 ? 'x' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) return -1;
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
        left -= n;
        return n;
      }
    };
    InputStream in = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
        new ByteArrayInputStream("[\"".getBytes(StandardCharsets.UTF_8)), body,
        new ByteArrayInputStream("\", {\"k\":2}]".getBytes(StandardCharsets.UTF_8)))));
    read(in, Limits.DEFAULT.withDocumentBytes(1 << 20));
    assertThat(seen).containsExactly("[", "skipped@1 larger than 1 MiB", "e {\"k\":2}", "]");
  }

  @Test
  void brokenStructureIsMalformedWithItsOffset() {
    assertThatThrownBy(() -> read("hello: world", Limits.DEFAULT)).isInstanceOf(JsonValues.Malformed.class)
        .hasMessageContaining("byte 0");
    assertThatThrownBy(() -> read("{\"a\" 1}", Limits.DEFAULT)).isInstanceOf(JsonValues.Malformed.class)
        .hasMessageContaining("byte 5");
    assertThatThrownBy(() -> read("[{\"a\":1}", Limits.DEFAULT)).isInstanceOf(JsonValues.Malformed.class)
        .hasMessageContaining("ends early");
  }
}
