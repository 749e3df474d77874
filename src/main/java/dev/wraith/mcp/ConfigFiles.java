package dev.wraith.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The port through which configuration files are read. Empty means the file does not exist. */
public interface ConfigFiles {
  /** Files larger than this are refused (a warning), not read. */
  long MAX_BYTES = 8L << 20;

  Optional<String> read(Path file) throws IOException;

  /** The real filesystem. */
  static ConfigFiles local() {
    return file -> {
      if (!Files.isRegularFile(file)) return Optional.empty();
      if (Files.size(file) > MAX_BYTES) throw new IOException("larger than " + (MAX_BYTES >> 20) + " MiB");
      return Optional.of(Files.readString(file));
    };
  }
}
