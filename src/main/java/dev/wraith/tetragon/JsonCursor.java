package dev.wraith.tetragon;

import java.nio.charset.StandardCharsets;

/**
 * A forward-only reader of one JSON line held as UTF-8 bytes, made for protojson export lines: the caller
 * walks the objects it knows and {@link #skipValue() skips} everything else with a byte loop that only tracks
 * strings and nesting, which is what makes the export reader fast (most of a Tetragon line is a process the
 * reader has already seen). Values that are read are checked strictly; skipped values are checked for
 * structure only (terminated strings, balanced and matching brackets). A raw newline ends the line: protojson
 * never writes one inside a value, so a cut line can never swallow the next one.
 */
final class JsonCursor {
  /** Why a line is not an event; no stack trace, lines are skipped in bulk. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String why) {
      super(why, null, false, false);
    }
  }

  private static final int MAX_DEPTH = 63;

  private final byte[] b;
  private final int end;
  private int pos;
  /** A value was just completed, so the next member of the enclosing object or array starts with ','. */
  private boolean afterValue;
  private int nameStart;
  private int nameLen;

  /** Reads b[pos, end); end is the line's '\n' or the end of the data. */
  JsonCursor(byte[] b, int pos, int end) {
    this.b = b;
    this.pos = pos;
    this.end = end;
  }

  int position() {
    return pos;
  }

  /** At an object: true after its '{'; false for null; anything else is malformed. */
  boolean object() throws Malformed {
    return open((byte) '{', "expected an object");
  }

  /** The next member of the current object, positioned at its value; false (and past the '}') at the end. */
  boolean field() throws Malformed {
    if (!next((byte) '}', "expected ',' or '}'")) return false;
    if (peek() != '"') throw new Malformed("expected a field name");
    pos++;
    int start = pos;
    int i = scanString(start);
    nameStart = start;
    nameLen = i - start;
    pos = i + 1;
    if (peek() != ':') throw new Malformed("expected ':'");
    pos++;
    afterValue = false;
    return true;
  }

  /** Whether the current field's name is n (field names never need unescaping in protojson). */
  boolean is(byte[] n) {
    if (n.length != nameLen) return false;
    for (int i = 0; i < nameLen; i++) if (b[nameStart + i] != n[i]) return false;
    return true;
  }

  /** At an array: true after its '['; false for null. */
  boolean array() throws Malformed {
    return open((byte) '[', "expected an array");
  }

  /** Whether the current array has another element (positioned at it); false and past the ']' at the end. */
  boolean element() throws Malformed {
    return next((byte) ']', "expected ',' or ']'");
  }

  /** At a container opened by {@code bracket}: true after it; false for null; anything else is malformed. */
  private boolean open(byte bracket, String expected) throws Malformed {
    byte c = peek();
    if (c == bracket) {
      pos++;
      afterValue = false;
      return true;
    }
    if (c == 'n') {
      literal(NULL);
      return false;
    }
    throw new Malformed(expected);
  }

  /**
   * Whether the current container has another member or element: true past the ',' before it (none before the
   * first), false past the {@code close} bracket at the end.
   */
  private boolean next(byte close, String expected) throws Malformed {
    byte c = peek();
    if (c == close) {
      pos++;
      afterValue = true;
      return false;
    }
    if (afterValue) {
      if (c != ',') throw new Malformed(expected);
      pos++;
    }
    afterValue = false;
    return true;
  }

  /** A string value, or null for JSON null. */
  String string() throws Malformed {
    byte c = peek();
    if (c == 'n') {
      literal(NULL);
      return null;
    }
    if (c != '"') throw new Malformed("expected a string");
    int start = pos + 1;
    int i = scanString(start);
    pos = i + 1;
    afterValue = true;
    return decode(start, i);
  }

  /** The current string value's bytes as [start, end) without consuming it; -1 when it is not a plain string. */
  int plainStringEnd() throws Malformed {
    if (peek() != '"') return -1;
    int i = scanString(pos + 1);
    for (int k = pos + 1; k < i; k++) if (b[k] == '\\') return -1;
    return i;
  }

  /** Consumes a string whose end {@link #plainStringEnd()} found. */
  void consumeString(int stringEnd) {
    pos = stringEnd + 1;
    afterValue = true;
  }

  byte[] bytes() {
    return b;
  }

  /** An integer as a JSON number or a string of digits (protojson writes 64-bit values as strings); -1 for null. */
  long number() throws Malformed {
    byte c = peek();
    if (c == 'n') {
      literal(NULL);
      return -1;
    }
    boolean quoted = c == '"';
    if (quoted) pos++;
    boolean negative = pos < end && b[pos] == '-';
    if (negative) pos++;
    int start = pos;
    long v = 0;
    while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
      if (pos - start >= 18) throw new Malformed("number out of range");
      v = v * 10 + (b[pos++] - '0');
    }
    if (pos == start) throw new Malformed("expected a number");
    if (quoted) {
      if (pos >= end || b[pos] != '"') throw new Malformed("expected a number");
      pos++;
    } else if (pos < end && (b[pos] == '.' || b[pos] == 'e' || b[pos] == 'E')) {
      throw new Malformed("expected an integer");
    }
    afterValue = true;
    return negative ? -v : v;
  }

  /** true, false, or null (as null). */
  Boolean bool() throws Malformed {
    byte c = peek();
    if (c == 't') {
      literal(TRUE);
      return Boolean.TRUE;
    }
    if (c == 'f') {
      literal(FALSE);
      return Boolean.FALSE;
    }
    if (c == 'n') {
      literal(NULL);
      return null;
    }
    throw new Malformed("expected a boolean");
  }

  /**
   * Skips one value of any kind. Containers are crossed with a loop over bytes that only follows strings and
   * brackets; literals and numbers inside them are not checked.
   */
  void skipValue() throws Malformed {
    byte c = peek();
    if (c == '"') {
      pos = scanString(pos + 1) + 1;
    } else if (c == '{' || c == '[') {
      pos = skipContainer(pos + 1, 0, c == '{' ? 1L : 0L);
    } else {
      int start = pos;
      while (pos < end) {
        byte x = b[pos];
        if (x == ',' || x == '}' || x == ']' || x == ' ' || x == '\t' || x == '\r' || x == '\n') break;
        pos++;
      }
      if (pos == start) throw new Malformed("expected a value");
    }
    afterValue = true;
  }

  /**
   * Skips the remaining members of the current object, up to and including its '}', in one pass over the
   * bytes (as {@link #skipValue()} crosses a container).
   */
  void skipRest() throws Malformed {
    pos = skipContainer(pos, 0, 1L);
    afterValue = true;
  }

  /** After the top-level value: only blanks may follow on the line; stops at its '\n'. */
  void finish() throws Malformed {
    while (pos < end) {
      byte x = b[pos];
      if (x == '\n') return;
      if (x != ' ' && x != '\t' && x != '\r') throw new Malformed("trailing content");
      pos++;
    }
  }

  private byte peek() throws Malformed {
    while (pos < end) {
      byte x = b[pos];
      if (x != ' ' && x != '\t' && x != '\r') {
        if (x == '\n') break;
        return x;
      }
      pos++;
    }
    throw new Malformed("line ends early");
  }

  /**
   * The index of the '"' closing a string whose content starts at i. Eight bytes at a time while none of them
   * is '"', '\\' or '\n' (most of a line is string content), then byte by byte.
   */
  private int scanString(int i) throws Malformed {
    final byte[] b = this.b;
    while (i + 8 <= end) {
      long w = (long) LONGS.get(b, i);
      long hit = zeroByte(w ^ QUOTES) | zeroByte(w ^ BACKSLASHES) | zeroByte(w ^ NEWLINES);
      if (hit != 0) {
        i += Long.numberOfTrailingZeros(hit) >>> 3;
        break;
      }
      i += 8;
    }
    while (i < end) {
      byte x = b[i];
      if (x == '"') return i;
      if (x == '\\') {
        if (i + 1 < end && b[i + 1] == '\n') break;
        i += 2;
      } else if (x == '\n') break;
      else i++;
    }
    throw new Malformed("unterminated string");
  }

  /**
   * Past the bracket closing the container whose content continues at i, with strings crossed whole and
   * bracket kinds matched.
   *
   * @param kinds bit d set: the container at depth d is an object
   */
  private int skipContainer(int i, int depth, long kinds) throws Malformed {
    final byte[] b = this.b;
    while (i < end) {
      byte x = b[i++];
      switch (x) {
        case '"' -> i = scanString(i) + 1;
        case '{', '[' -> {
          if (++depth > MAX_DEPTH) throw new Malformed("nested too deep");
          kinds = x == '{' ? kinds | (1L << depth) : kinds & ~(1L << depth);
        }
        case '}', ']' -> {
          if (depth < 0 || ((kinds >>> depth) & 1) != (x == '}' ? 1 : 0)) throw new Malformed("mismatched bracket");
          if (--depth < 0) return i;
        }
        case '\n' -> throw new Malformed("line ends early");
        default -> { }
      }
    }
    throw new Malformed("line ends early");
  }

  private void literal(byte[] word) throws Malformed {
    if (end - pos < word.length) throw new Malformed("line ends early");
    for (int k = 0; k < word.length; k++) if (b[pos + k] != word[k]) throw new Malformed("bad literal");
    pos += word.length;
    afterValue = true;
  }

  /** The string in b[start, stop), escapes resolved. */
  private String decode(int start, int stop) throws Malformed {
    int k = start;
    while (k < stop && b[k] != '\\') k++;
    if (k == stop) return new String(b, start, stop - start, StandardCharsets.UTF_8);
    StringBuilder s = new StringBuilder(stop - start);
    s.append(new String(b, start, k - start, StandardCharsets.UTF_8));
    int run = k;
    while (k < stop) {
      if (b[k] != '\\') {
        k++;
        continue;
      }
      if (run < k) s.append(new String(b, run, k - run, StandardCharsets.UTF_8));
      if (k + 1 >= stop) throw new Malformed("bad escape");
      byte e = b[k + 1];
      k += 2;
      switch (e) {
        case '"' -> s.append('"');
        case '\\' -> s.append('\\');
        case '/' -> s.append('/');
        case 'b' -> s.append('\b');
        case 'f' -> s.append('\f');
        case 'n' -> s.append('\n');
        case 'r' -> s.append('\r');
        case 't' -> s.append('\t');
        case 'u' -> {
          if (k + 4 > stop) throw new Malformed("bad escape");
          int v = 0;
          for (int j = 0; j < 4; j++) {
            int d = Character.digit(b[k + j], 16);
            if (d < 0) throw new Malformed("bad escape");
            v = v * 16 + d;
          }
          s.append((char) v);
          k += 4;
        }
        default -> throw new Malformed("bad escape");
      }
      run = k;
    }
    if (run < stop) s.append(new String(b, run, stop - run, StandardCharsets.UTF_8));
    return s.toString();
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L, HIGHS = 0x8080808080808080L;
  private static final long QUOTES = '"' * ONES, BACKSLASHES = '\\' * ONES, NEWLINES = '\n' * ONES;

  /** The high bit of each zero byte of w (exact for the lowest one, which is the one used). */
  private static long zeroByte(long w) {
    return (w - ONES) & ~w & HIGHS;
  }

  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
}
