package dev.wraith.host.ebpf;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads the loader's frames: u32 length (of what follows), u32 kind, body; little-endian. A length outside
 * [4, {@link #MAX_FRAME}] means the stream is not the loader's, and ends it.
 */
final class FrameReader {
  /** Larger than any record the probe makes (a data record is 96 + 2,048 bytes). */
  static final int MAX_FRAME = 64 * 1024;

  /**
   * One frame. The body is the buffer the frame was read into, handed to the one caller without a copy (this is the
   * probe's hot path). Frames are never compared: equals would compare the body by reference.
   */
  @SuppressWarnings("ArrayRecordComponent")
  record Frame(int kind, byte[] body) {}

  private final InputStream in;

  FrameReader(InputStream in) {
    this.in = in;
  }

  /** The next frame, or empty at a clean end of stream (between frames). */
  Optional<Frame> next() throws IOException {
    byte[] head = new byte[8];
    int n = in.readNBytes(head, 0, 8);
    if (n == 0) return Optional.empty();
    if (n < 8) throw new EOFException("probe stream ended inside a frame header");
    int len = le32(head, 0), kind = le32(head, 4);
    if (len < 4 || len > MAX_FRAME) throw new IOException("probe stream out of step: frame length " + Integer.toUnsignedString(len));
    byte[] body = in.readNBytes(len - 4);
    if (body.length < len - 4) throw new EOFException("probe stream ended inside a frame");
    return Optional.of(new Frame(kind, body));
  }

  static int le32(byte[] b, int at) {
    return (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8) | ((b[at + 2] & 0xff) << 16) | ((b[at + 3] & 0xff) << 24);
  }
}
