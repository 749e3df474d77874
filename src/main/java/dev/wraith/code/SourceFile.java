package dev.wraith.code;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

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

  public boolean isValidUtf8() {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
