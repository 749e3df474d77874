package dev.wraith.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a YAML stream into pieces small enough to parse one at a time, by lines, never holding a larger piece: its
 * documents (at {@code ---} and {@code ...} lines, which YAML forbids inside a document's content) and, within a
 * document whose top level is a block mapping, the entries of the block sequence under one chosen top-level key (a
 * Kubernetes List's {@code items}, as kubectl writes it) one entry at a time. Each entry is handed out as its own
 * document (its "- " replaced by spaces); the rest of the document follows as one more. A piece larger than {@link
 * Limits#documentBytes()} or with a line longer than {@link Limits#yamlLineBytes()} is skipped while it streams past.
 * Whether a piece is valid YAML is the caller's parser's to say.
 */
public final class YamlDocuments {
  /** Receives the pieces in order. */
  public interface Visitor {
    /** One entry of the split sequence of the current document, as a YAML document starting at {@code line}. */
    void item(byte[] buf, int from, int to, long line) throws IOException;

    /** A document (without the entries handed out as items), starting at {@code line}; only when it holds something. */
    void document(byte[] buf, int from, int to, long line) throws IOException;

    /** A piece starting at {@code line} was skipped unread; {@code why} says which limit it broke. */
    void skipped(long line, String why);
  }

  private final Limits limits;
  private final String splitKey;
  private final Visitor visitor;
  private final Piece rest = new Piece();
  private final Piece item = new Piece();
  /** -1: not in the split sequence; -2: in it, entry indentation not known yet; else the entries' indentation. */
  private int itemIndent = -1;

  private YamlDocuments(Limits limits, String splitKey, Visitor visitor) {
    this.limits = limits;
    this.splitKey = splitKey + ":";
    this.visitor = visitor;
  }

  /** Reads {@code in} to its end. */
  public static void read(InputStream in, Limits limits, String splitKey, Visitor visitor) throws IOException {
    YamlDocuments d = new YamlDocuments(limits, splitKey, visitor);
    LineReader.lines(in, limits.yamlLineBytes(), d::line, d::tooLong);
    d.endDocument();
  }

  private void line(byte[] b, int from, int to, long number) throws IOException {
    if (marker(b, from, to, "---")) {
      if (rest.content || item.started()) endDocument();
      rest.add(b, from, to, number, limits);
      if (!blankAfter(b, from + 3, to)) rest.content = true; // "--- {a: 1}": the document starts on the marker's line
      return;
    }
    if (marker(b, from, to, "...")) {
      endDocument();
      return;
    }
    if (itemIndent != -1 && inItems(b, from, to, number)) return;
    if (to > from && startsWith(b, from, to, splitKey) && blankAfter(b, from + splitKey.length(), to)) {
      itemIndent = -2;
      rest.content = true;
      if (rest.firstLine < 0) rest.firstLine = number;
      return;
    }
    rest.add(b, from, to, number, limits);
    if (!blank(b, from, to) && b[from] != '#' && b[from] != '%') rest.content = true;
  }

  /** A line while in the split sequence; false when it ends the sequence (the line then belongs to the rest). */
  private boolean inItems(byte[] b, int from, int to, long number) throws IOException {
    if (blank(b, from, to) || b[firstNonSpace(b, from, to)] == '#') {
      if (item.started()) item.add(b, from, to, number, limits);
      return true;
    }
    int indent = firstNonSpace(b, from, to) - from;
    boolean dash = b[from + indent] == '-' && (from + indent + 1 == to || b[from + indent + 1] == ' ');
    if (itemIndent == -2) {
      if (!dash) { // not a block sequence (a flow one, or nothing): read as part of the document
        itemIndent = -1;
        return false;
      }
      itemIndent = indent;
    }
    if (dash && indent == itemIndent) {
      endItem();
      b[from + indent] = ' '; // "- key: v" becomes "  key: v", an indented mapping
      item.add(b, from, to, number, limits);
      return true;
    }
    if (indent > itemIndent) {
      item.add(b, from, to, number, limits);
      return true;
    }
    endItem();
    itemIndent = -1;
    return false;
  }

  /**
   * A line too long to keep. Among entries of known indentation its first bytes tell whether it starts the next entry
   * (which is then skipped) or continues the current one (which is); elsewhere it breaks the document.
   */
  private void tooLong(long line, long bytes, byte[] head) throws IOException {
    String why = "a line longer than " + Limits.size(limits.yamlLineBytes());
    if (itemIndent < 0) {
      rest.broken(line, why);
      rest.content = true;
      return;
    }
    int indent = firstNonSpace(head, 0, head.length);
    boolean dash = indent == itemIndent && indent < head.length && head[indent] == '-'
        && (indent + 1 == head.length || head[indent + 1] == ' ');
    if (dash || indent < itemIndent) endItem();
    if (indent < itemIndent) {
      itemIndent = -1;
      rest.broken(line, why);
      rest.content = true;
    } else {
      item.broken(line, why);
    }
  }

  private void endItem() throws IOException {
    if (!item.started()) return;
    if (item.why != null) visitor.skipped(item.firstLine, item.why);
    else visitor.item(item.bytes, 0, item.length, item.firstLine);
    item.reset();
  }

  private void endDocument() throws IOException {
    endItem();
    itemIndent = -1;
    if (rest.why != null) visitor.skipped(rest.firstLine, rest.why);
    else if (rest.content) visitor.document(rest.bytes, 0, rest.length, rest.firstLine);
    rest.reset();
  }

  private static boolean marker(byte[] b, int from, int to, String m) {
    return startsWith(b, from, to, m) && (to == from + 3 || b[from + 3] == ' ' || b[from + 3] == '\t');
  }

  private static boolean startsWith(byte[] b, int from, int to, String s) {
    if (to - from < s.length()) return false;
    for (int i = 0; i < s.length(); i++) if (b[from + i] != s.charAt(i)) return false;
    return true;
  }

  private static boolean blankAfter(byte[] b, int from, int to) {
    int i = from;
    while (i < to && (b[i] == ' ' || b[i] == '\t')) i++;
    return i == to || b[i] == '#';
  }

  private static boolean blank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] != ' ' && b[i] != '\t') return false;
    return true;
  }

  private static int firstNonSpace(byte[] b, int from, int to) {
    int i = from;
    while (i < to && b[i] == ' ') i++;
    return i;
  }

  /** The lines of one piece, bounded; a piece that broke a limit keeps only why. */
  private static final class Piece {
    byte[] bytes = new byte[1024];
    int length;
    long firstLine = -1;
    boolean content;
    String why;

    boolean started() {
      return firstLine >= 0;
    }

    void add(byte[] b, int from, int to, long line, Limits limits) {
      if (firstLine < 0) firstLine = line;
      if (why != null) return;
      long size = (long) length + (to - from) + 1;
      if (size > limits.documentBytes()) {
        broken(line, "larger than " + Limits.size(limits.documentBytes()));
        return;
      }
      if (size > bytes.length) bytes = Arrays.copyOf(bytes, (int) Math.min(limits.documentBytes(), Math.max(size, 2L * bytes.length)));
      System.arraycopy(b, from, bytes, length, to - from);
      length += to - from;
      bytes[length++] = '\n';
    }

    void broken(long line, String reason) {
      if (firstLine < 0) firstLine = line;
      if (why == null) why = reason;
      bytes = new byte[1024];
      length = 0;
    }

    void reset() {
      if (bytes.length > 1 << 16) bytes = new byte[1024];
      length = 0;
      firstLine = -1;
      content = false;
      why = null;
    }
  }
}
