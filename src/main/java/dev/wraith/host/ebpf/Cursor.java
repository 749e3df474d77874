package dev.wraith.host.ebpf;

/**
 * A bounds-checked reader over the captured bytes of a message. Every read past {@code end} (the captured
 * length, or a length field that ends sooner) throws {@link CutShort}, which the parsers turn into "cut here":
 * a hostile or truncated length can never make a parser read beyond what the probe captured.
 */
final class Cursor {
  /** Thrown when a read would pass the end; parsers catch it and report the message as cut short. */
  static final class CutShort extends Exception {
    CutShort() {
      super(null, null, false, false);
    }
  }

  private final byte[] bytes;
  private int pos;
  private final int end;

  Cursor(byte[] bytes, int from, int end) {
    this.bytes = bytes;
    this.pos = Math.max(0, from);
    this.end = Math.max(0, Math.min(end, bytes.length));
  }

  int pos() {
    return pos;
  }

  int remaining() {
    return end - pos;
  }

  int u8() throws CutShort {
    need(1);
    return bytes[pos++] & 0xff;
  }

  int u16() throws CutShort {
    need(2);
    int v = ((bytes[pos] & 0xff) << 8) | (bytes[pos + 1] & 0xff);
    pos += 2;
    return v;
  }

  int u24() throws CutShort {
    return u8() << 16 | u16();
  }

  long u32() throws CutShort {
    return (long) u16() << 16 | u16();
  }

  void skip(int n) throws CutShort {
    if (n < 0) throw new CutShort();
    need(n);
    pos += n;
  }

  byte[] take(int n) throws CutShort {
    if (n < 0) throw new CutShort();
    need(n);
    byte[] out = java.util.Arrays.copyOfRange(bytes, pos, pos + n);
    pos += n;
    return out;
  }

  /** A cursor over the next {@code n} bytes, which this one skips; n may not pass this cursor's end. */
  Cursor sub(int n) throws CutShort {
    if (n < 0) throw new CutShort();
    need(n);
    Cursor c = new Cursor(bytes, pos, pos + n);
    pos += n;
    return c;
  }

  /** Like {@link #sub} but clipped at this cursor's end: a length field that claims more than was captured. */
  Cursor clipped(int n) {
    int stop = n < 0 ? pos : (int) Math.min((long) pos + n, end);
    Cursor c = new Cursor(bytes, pos, stop);
    pos = stop;
    return c;
  }

  private void need(int n) throws CutShort {
    if (n > end - pos) throw new CutShort();
  }
}
