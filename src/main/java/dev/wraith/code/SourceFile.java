package dev.wraith.code;

import java.nio.charset.StandardCharsets;

/**
 * One file as a detector sees it: its path relative to the scan root ('/' separated) and its bytes, read
 * once by the walker. Detectors never touch the filesystem themselves. The bytes are shared, not copied (a file may
 * be as large as the walker allows, and every detector reads it): nobody writes to them.
 */
public final class SourceFile {
  private final String path;
  private final byte[] bytes;

  public SourceFile(String path, byte[] bytes) {
    this.path = path;
    this.bytes = bytes;
  }

  /** Relative to the scan root, '/' separated. */
  public String path() {
    return path;
  }

  /** The file's bytes, shared: read them, never write them. */
  public byte[] bytes() {
    return bytes;
  }

  /** The file name without directories. */
  public String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** Text decoded as UTF-8; invalid sequences become U+FFFD (the caller may warn via {@link #isValidUtf8()}). */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Whether the bytes are well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates, nothing past
   * U+10FFFF), which is what the JDK's decoder accepts. Checked in place: no decoding, no allocation.
   */
  public boolean isValidUtf8() {
    byte[] b = bytes;
    int i = 0, n = b.length;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
      if (len == 0 || i + len > n) return false;
      int c1 = b[i + 1] & 0xff;
      int lo = c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80;
      int hi = c == 0xed ? 0x9f : c == 0xf4 ? 0x8f : 0xbf;
      if (c1 < lo || c1 > hi) return false;
      for (int k = 2; k < len; k++) if ((b[i + k] & 0xc0) != 0x80) return false;
      i += len;
    }
    return true;
  }
}
