package dev.wraith.state;

import dev.wraith.files.InputFile;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database file on disk and how SQLite opens it: WAL journal (readers never block the one writer, and a killed
 * writer's uncommitted pages are discarded on the next open), full sync, a busy timeout instead of a hang, foreign
 * keys enforced.
 */
final class StateFile {
  private StateFile() {}

  /** Creates the file if needed and returns a data source for it. */
  static SQLiteDataSource prepare(Path file, Duration busyTimeout) {
    create(file);
    return dataSource(file, busyTimeout);
  }

  private static SQLiteDataSource dataSource(Path file, Duration busyTimeout) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout((int) busyTimeout.toMillis());
    config.enforceForeignKeys(true);
    SQLiteDataSource data = new SQLiteDataSource(config);
    data.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return data;
  }

  /** Creates the parent directories (0700) and an empty file (0600) so no other user can read the history. */
  private static void create(Path file) {
    if (Files.isDirectory(file)) {
      throw new StateException("state database " + file + " is a directory; use --state with a file");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) { // SQLite would block on a FIFO or read a device
      throw new StateException("state database " + file + " is " + InputFile.kind(file) + ", not a regular file; use "
          + "--state with a file");
    }
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        Files.createDirectories(parent, posix ? attrs("rwx------") : new FileAttribute<?>[0]);
      }
      if (!Files.exists(file)) {
        try {
          Files.createFile(file, posix ? attrs("rw-------") : new FileAttribute<?>[0]);
        } catch (FileAlreadyExistsException raced) {
          // another wraith created it first: fine
        }
      }
    } catch (IOException e) {
      throw StateException.from(file, "creating", e);
    }
  }

  private static FileAttribute<?>[] attrs(String perms) {
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))};
  }

}
