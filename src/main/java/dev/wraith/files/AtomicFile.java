package dev.wraith.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file written whole or not at all: bytes go to a temporary sibling ({@code .NAME.PID.RANDOM.tmp}), which is synced
 * and moved over the target only when the writer closes it after success. A failure removes the temporary file and is
 * a {@link FileProblem} naming the target; so does a kill by SIGTERM or Ctrl-C (a shutdown hook), and a temporary file
 * left by a process that is gone (SIGKILL, power loss) is removed the next time a file is written to that directory.
 *
 * <p>A target that exists and is not a regular file ({@code /dev/null}, {@code /dev/stdout}, a FIFO someone reads) is
 * written in place: it is never replaced, and there is nothing to keep whole.
 */
public final class AtomicFile extends FilterOutputStream {
  private static final Pattern TEMP = Pattern.compile("\\.(.+)\\.(\\d+)\\.\\d+\\.tmp");
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
  private static final Thread CLEANUP = new Thread(() -> OPEN.forEach(AtomicFile::deleteQuietly), "wraith-temp-cleanup");

  static {
    Runtime.getRuntime().addShutdownHook(CLEANUP);
  }

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private boolean failed;
  private boolean closed;

  private AtomicFile(Path target, Path temp, FileChannel channel) {
    super(Channels.newOutputStream(channel));
    this.target = target;
    this.temp = temp;
    this.channel = channel;
  }

  /** Opens a writer for {@code target}, creating its directory; nothing appears at {@code target} until close. */
  public static AtomicFile create(Path target) throws FileProblem {
    if (Files.isDirectory(target)) throw new FileProblem(target + " is a directory; give a file");
    if (Files.exists(target) && !Files.isRegularFile(target)) return inPlace(target);
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      removeStale(dir);
      temp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
          + Long.toUnsignedString(System.nanoTime()) + ".tmp");
      OPEN.add(temp);
      FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new AtomicFile(target, temp, ch);
    } catch (IOException e) {
      if (temp != null) {
        OPEN.remove(temp);
        deleteQuietly(temp);
      }
      boolean aboutTemp = temp != null && e instanceof java.nio.file.FileSystemException fs && temp.toString().equals(fs.getFile());
      throw new FileProblem(aboutTemp ? FileProblem.describeAs(e, target, "writing") : FileProblem.describe(e, target, "writing"), e);
    }
  }

  /** A device or FIFO: written directly, never moved over. */
  private static AtomicFile inPlace(Path target) throws FileProblem {
    try {
      FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE);
      return new AtomicFile(target, null, ch);
    } catch (IOException e) {
      throw FileProblem.of(e, target, "writing");
    }
  }

  /** Writes {@code writer}'s bytes to {@code target} whole or not at all. */
  public static Path write(Path target, Writer writer) throws FileProblem {
    try (AtomicFile out = create(target)) {
      try {
        writer.write(out);
      } catch (IOException | RuntimeException | Error e) {
        out.failed = true;
        throw e;
      }
    } catch (IOException e) {
      throw FileProblem.of(e, target, "writing");
    }
    return target;
  }

  /** Renders one file. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      failed = true;
      throw new FileProblem(FileProblem.describeAs(e, target, "writing"), e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  /** Marks the file as failed: close then removes it and leaves the target as it was. */
  public void abort() {
    failed = true;
  }

  /** Syncs and moves the temporary file over the target; after a failure (or {@link #abort}), removes it instead. */
  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    if (temp == null) { // written in place
      try {
        channel.close();
      } catch (IOException e) {
        throw FileProblem.of(e, target, "writing");
      }
      return;
    }
    try {
      if (!failed) channel.force(true);
      channel.close();
      if (!failed) Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new FileProblem(FileProblem.describeAs(e, target, "writing"), e);
    } finally {
      deleteQuietly(temp);
      OPEN.remove(temp);
    }
  }

  /** Removes temporary files of ours in {@code dir} whose process is gone (killed before it could clean up). */
  public static void removeStale(Path dir) {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path p : s) {
        Matcher m = TEMP.matcher(p.getFileName().toString());
        if (!m.matches()) continue;
        long pid = Long.parseLong(m.group(2));
        if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
        if (pid == ProcessHandle.current().pid() && OPEN.contains(p)) continue;
        deleteQuietly(p);
      }
    } catch (IOException | RuntimeException e) {
      // cleaning up is a courtesy: a directory we cannot list will fail the write that follows, with its reason
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // nothing more to do: the file is a dot-file named as ours, and the next writer retries
    }
  }
}
