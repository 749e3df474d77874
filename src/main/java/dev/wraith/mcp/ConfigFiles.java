package dev.wraith.mcp;

import dev.wraith.files.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** The port through which configuration files are read. Empty means the file does not exist. */
public interface ConfigFiles {
  /** Files larger than this are refused (a warning), not read. */
  long MAX_BYTES = 8L << 20;

  /**
   * The file's text, or empty when nothing is at that path.
   *
   * @throws IOException (a {@link dev.wraith.files.FileProblem} saying what it is) for anything there but a readable
   *     regular file of at most {@link #MAX_BYTES}: a FIFO, a device, a directory, a dangling link or a link loop
   */
  Optional<String> read(Path file) throws IOException;

  /** The real filesystem, through the shared bounded reader. */
  static ConfigFiles local() {
    return file -> {
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
      return Optional.of(InputFile.readString(file, (int) MAX_BYTES));
    };
  }
}
