package dev.wraith.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits JSON text into values small enough to parse one at a time, never holding a larger one: the elements of a
 * top-level array, the members of a top-level object and, one by one, the elements of the array under one chosen
 * member of a top-level object (a Kubernetes List's {@code items}). Several top-level values may follow each other
 * (files concatenated). A value larger than {@link Limits#documentBytes()} or nested deeper than {@link Limits#depth()}
 * is skipped while it streams past and reported; only the structure between values is checked here, each value
 * handed out is parsed (and checked) by the caller.
 */
public final class JsonValues {
  private static final int CHUNK = 1 << 16;
  private static final int MAX_NAME = 1024;

  /** Receives the pieces of the text in order. */
  public interface Visitor {
    /** A top-level object or array begins. */
    void start(boolean object) throws IOException;

    /** An element of a top-level array, or of the split member's array: {@code buf[from, to)}. */
    void element(byte[] buf, int from, int to) throws IOException;

    /** A member of a top-level object other than the split array; {@code name} as written (escapes not decoded). */
    void member(String name, byte[] buf, int from, int to) throws IOException;

    /** The top-level object or array that began last ends. */
    void end(boolean object) throws IOException;

    /** A value at byte {@code offset} was skipped unread; {@code why} says which limit it broke. */
    void skipped(long offset, String why);
  }

  /** The text is not JSON at byte {@code offset}; the message says what was expected there. */
  public static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;
    private final long offset;

    Malformed(long offset, String expected) {
      super("not JSON at byte " + offset + " (expected " + expected + ")");
      this.offset = offset;
    }

    public long offset() {
      return offset;
    }
  }

  // where the scanner is between values
  private static final int TOP = 0, OBJ_NAME = 1, OBJ_NAME_TEXT = 2, OBJ_COLON = 3, OBJ_VALUE = 4, OBJ_NEXT = 5,
      ARR_VALUE = 6, ARR_NEXT = 7, CAPTURE = 8;

  private final Limits limits;
  private final byte[] split;
  private final Visitor visitor;

  private int state = TOP;
  /** Inside the split array (its elements are delivered; the object's member state resumes after it). */
  private boolean inSplit;
  private boolean topObject;
  private final StringBuilder name = new StringBuilder();
  private boolean nameEscape;
  private long offset;

  // the value being captured
  private byte[] captured = new byte[256];
  private int capturedLength;
  private long valueStart;
  private int valueDepth;
  private int baseDepth;
  private boolean inString;
  private boolean escape;
  private boolean scalar;
  private String skipping;
  private boolean asElement;
  private String memberName;

  private JsonValues(Limits limits, String splitMember, Visitor visitor) {
    this.limits = limits;
    this.split = splitMember.getBytes(StandardCharsets.UTF_8);
    this.visitor = visitor;
  }

  /** Reads {@code in} to its end. */
  public static void read(InputStream in, Limits limits, String splitMember, Visitor visitor) throws IOException {
    new JsonValues(limits, splitMember, visitor).run(in);
  }

  private void run(InputStream in) throws IOException {
    byte[] buf = new byte[CHUNK];
    boolean first = true;
    for (int n; (n = in.read(buf)) >= 0; ) {
      int from = 0;
      if (first && n >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) from = 3;
      first = n == 0 && first;
      offset += from;
      scan(buf, from, n);
    }
    if (state == CAPTURE && scalar) endValue();
    if (state != TOP) throw new Malformed(offset, "the rest of the JSON text; it ends early");
  }

  private void scan(byte[] buf, int from, int to) throws IOException {
    int capFrom = from;
    for (int i = from; i < to; i++, offset++) {
      byte c = buf[i];
      if (state == CAPTURE) {
        if (!captureByte(c)) continue;
        if (scalar) { // the delimiter after a number or literal belongs to the structure: look at it again
          keep(buf, capFrom, i);
          endValue();
          i--;
          offset--;
        } else {
          keep(buf, capFrom, i + 1);
          endValue();
        }
        continue;
      }
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        if (state != OBJ_NAME_TEXT) continue;
      }
      if (structure(c)) capFrom = i;
    }
    if (state == CAPTURE) keep(buf, capFrom, to);
  }

  /** One byte between values; true when a value starts at it (capture from here). */
  private boolean structure(byte c) throws IOException {
    switch (state) {
      case TOP -> top(c);
      case OBJ_NAME, OBJ_NAME_TEXT, OBJ_COLON, OBJ_NEXT -> member(c);
      case OBJ_VALUE -> {
        if (c == '[' && isSplit()) {
          inSplit = true;
          state = ARR_VALUE;
          return false;
        }
        begin(c, false, decodedName(), 2);
        return true;
      }
      case ARR_VALUE -> {
        if (c == ']') {
          closeArray();
          return false;
        }
        begin(c, true, null, inSplit ? 3 : 2);
        return true;
      }
      case ARR_NEXT -> {
        if (c == ',') state = ARR_VALUE;
        else if (c == ']') closeArray();
        else throw new Malformed(offset, "',' or ']'");
      }
      default -> throw new IllegalStateException("state " + state);
    }
    return false;
  }

  private void top(byte c) throws IOException {
    if (c != '{' && c != '[') throw new Malformed(offset, "'{' or '['");
    topObject = c == '{';
    state = topObject ? OBJ_NAME : ARR_VALUE;
    visitor.start(topObject);
  }

  /** A byte of a top-level object's member name, or between its members. */
  private void member(byte c) throws IOException {
    switch (state) {
      case OBJ_NAME -> {
        if (c == '}') {
          endTop();
        } else if (c == '"') {
          name.setLength(0);
          nameEscape = false;
          state = OBJ_NAME_TEXT;
        } else {
          throw new Malformed(offset, "a member name or '}'");
        }
      }
      case OBJ_NAME_TEXT -> {
        if (!nameEscape && c == '"') {
          state = OBJ_COLON;
          return;
        }
        nameEscape = !nameEscape && c == '\\';
        if (name.length() < MAX_NAME) name.append((char) (c & 0xff));
      }
      case OBJ_COLON -> {
        if (c != ':') throw new Malformed(offset, "':'");
        state = OBJ_VALUE;
      }
      default -> { // OBJ_NEXT
        if (c == ',') state = OBJ_NAME;
        else if (c == '}') endTop();
        else throw new Malformed(offset, "',' or '}'");
      }
    }
  }

  private boolean isSplit() {
    if (name.length() != split.length) return false;
    for (int i = 0; i < split.length; i++) if (name.charAt(i) != (split[i] & 0xff)) return false;
    return true;
  }

  /** Member names as text: bytes were kept one char each, so decode them as UTF-8 now. */
  private String decodedName() {
    byte[] b = new byte[name.length()];
    for (int i = 0; i < b.length; i++) b[i] = (byte) name.charAt(i);
    return new String(b, StandardCharsets.UTF_8);
  }

  private void closeArray() throws IOException {
    if (inSplit) {
      inSplit = false;
      state = OBJ_NEXT;
    } else {
      endTop();
    }
  }

  private void endTop() throws IOException {
    visitor.end(topObject);
    state = TOP;
  }

  private void begin(byte c, boolean element, String member, int depth) throws Malformed {
    if (c == ',' || c == ':' || c == '}' || c == ']') throw new Malformed(offset, "a value");
    state = CAPTURE;
    asElement = element;
    memberName = member;
    valueStart = offset;
    capturedLength = 0;
    skipping = null;
    inString = c == '"';
    escape = false;
    scalar = c != '"' && c != '{' && c != '[';
    baseDepth = depth;
    valueDepth = c == '{' || c == '[' ? 1 : 0;
    checkDepth();
  }

  /** Advances the capture over one byte; true when the value ended (a string or container at it, a scalar before it). */
  private boolean captureByte(byte c) {
    if (scalar) return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (inString) {
      if (escape) escape = false;
      else if (c == '\\') escape = true;
      else if (c == '"') {
        inString = false;
        return valueDepth == 0;
      }
      return false;
    }
    switch (c) {
      case '"' -> inString = true;
      case '{', '[' -> {
        valueDepth++;
        checkDepth();
      }
      case '}', ']' -> {
        return --valueDepth == 0;
      }
      default -> {
        // other bytes inside a container are the caller's parser's to check
      }
    }
    return false;
  }

  private void checkDepth() {
    if (skipping == null && baseDepth - 1 + valueDepth > limits.depth()) {
      skipping = "nested deeper than " + limits.depth() + " levels";
    }
  }

  private void keep(byte[] buf, int from, int to) {
    if (skipping != null || to <= from) return;
    long size = (long) capturedLength + (to - from);
    if (size > limits.documentBytes()) {
      skipping = "larger than " + Limits.size(limits.documentBytes());
      captured = new byte[256];
      capturedLength = 0;
      return;
    }
    if (size > captured.length) captured = Arrays.copyOf(captured, (int) Math.min(limits.documentBytes(), Math.max(size, 2L * captured.length)));
    System.arraycopy(buf, from, captured, capturedLength, to - from);
    capturedLength = (int) size;
  }

  private void endValue() throws IOException {
    state = asElement ? ARR_NEXT : OBJ_NEXT;
    if (skipping != null) {
      visitor.skipped(valueStart, skipping);
    } else if (asElement) {
      visitor.element(captured, 0, capturedLength);
    } else {
      visitor.member(memberName, captured, 0, capturedLength);
    }
    if (captured.length > CHUNK) captured = new byte[256];
  }
}
