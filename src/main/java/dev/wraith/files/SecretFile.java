package dev.wraith.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A secret kept in a file that an environment variable names ({@code WRAITH_OCSF_TOKEN_FILE},
 * {@code WRAITH_STATE_PASSWORD_FILE}): its first line, read within bounds (a regular file of at most 64 KiB; a FIFO
 * would block, a device never end). The secret itself never appears in a problem's sentence, only the variable and
 * the file.
 */
public final class SecretFile {
  /** The most a secret file may hold. */
  public static final int MAX_BYTES = 64 << 10;

  /** Why the file named by a variable holds no usable secret, as one sentence naming the variable and the file. */
  public static final class Unusable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unusable(String sentence, Throwable cause) {
      super(sentence, cause);
    }
  }

  private SecretFile() {}

  /**
   * The first line of {@code file} (without its line end), as named by {@code variable}; {@code what} names the secret
   * in sentences ("the token", "the password").
   *
   * @throws Unusable when the file cannot be read, or its first line is blank
   */
  public static String firstLine(String variable, String file, String what) {
    String text;
    try {
      text = InputFile.readString(Path.of(file), MAX_BYTES);
    } catch (IOException e) {
      throw new Unusable(variable + "=" + file + " cannot be read: " + FileProblem.describe(e, Path.of(file), "reading")
          + "; point it at a readable file holding " + what, e);
    }
    int nl = text.indexOf('\n');
    String first = (nl < 0 ? text : text.substring(0, nl)).replace("\r", "");
    if (first.isBlank()) throw new Unusable(variable + "=" + file + " is empty; put " + what + " on its first line", null);
    return first;
  }
}
