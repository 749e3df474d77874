package dev.wraith.files;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a file the user named as input. Only a regular file (after following symbolic links) is read: a FIFO with no
 * writer would block forever, a device such as /dev/zero never ends, and a directory or a symbolic link loop is a
 * mistake; each is refused with a sentence saying what the path is. Gzip files (by their magic bytes) are inflated
 * within {@link Limits#inflatedBound(long)}.
 */
public final class InputFile {
  private static final int GZIP_MAGIC_1 = 0x1f, GZIP_MAGIC_2 = 0x8b;

  private InputFile() {}

  /** Throws a {@link FileProblem} unless {@code file} is a readable regular file. */
  public static void check(Path file) throws FileProblem {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(file)) throw new FileProblem(file + ": a symbolic link to a file that does not exist", e);
      throw new FileProblem(file + ": no such file", e);
    } catch (IOException e) {
      throw FileProblem.of(e, file, "opening");
    }
    if (a.isDirectory()) throw new FileProblem(file + " is a directory; give a file");
    if (!a.isRegularFile()) {
      throw new FileProblem(file + " is " + kind(file) + ", not a regular file; save what it holds to a file and give that");
    }
    if (!Files.isReadable(file)) throw new FileProblem("permission denied while reading " + file + "; check its permissions");
  }

  /** Opens a checked file for streaming; a gzip file comes out inflated, bounded by {@code limits}. */
  public static InputStream open(Path file, Limits limits) throws IOException {
    check(file);
    long size;
    InputStream raw;
    try {
      size = Files.size(file);
      raw = Files.newInputStream(file);
    } catch (IOException e) {
      throw FileProblem.of(e, file, "opening");
    }
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 != GZIP_MAGIC_1 || b2 != GZIP_MAGIC_2) return in;
    try {
      return new Inflated(new GZIPInputStream(in, 1 << 16), file, limits.inflatedBound(size), limits);
    } catch (ZipException e) {
      in.close();
      throw new FileProblem(file + ": not a valid gzip file (bad header)", e);
    }
  }

  /** The whole of a small file, refused (not read) when it is larger than {@code maxBytes}. */
  public static byte[] readAll(Path file, int maxBytes) throws IOException {
    check(file);
    try (InputStream in = Files.newInputStream(file)) {
      if (Files.size(file) > maxBytes) throw tooLarge(file, maxBytes);
      byte[] all = in.readNBytes(maxBytes + 1); // the file may have grown since
      if (all.length > maxBytes) throw tooLarge(file, maxBytes);
      return all;
    } catch (FileProblem e) {
      throw e;
    } catch (IOException e) {
      throw FileProblem.of(e, file, "reading");
    }
  }

  /** {@link #readAll} as UTF-8 text (malformed bytes become U+FFFD). */
  public static String readString(Path file, int maxBytes) throws IOException {
    return new String(readAll(file, maxBytes), StandardCharsets.UTF_8);
  }

  private static FileProblem tooLarge(Path file, int maxBytes) {
    return new FileProblem(file + " is larger than " + Limits.size(maxBytes) + ", the most wraith reads of such a file; "
        + "not read");
  }

  /** What a non-regular file is ("a named pipe (FIFO)"), from its st_mode (generic where the "unix" view is missing). */
  public static String kind(Path file) {
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode");
      return switch (mode & 0170000) {
        case 0010000 -> "a named pipe (FIFO)";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | RuntimeException e) {
      return "a special file";
    }
  }

  /** An inflating stream that stops at its bound (a gzip bomb) and reports corrupt data in plain words. */
  private static final class Inflated extends FilterInputStream {
    private final Path file;
    private final long bound;
    private final Limits limits;
    private long inflated;

    Inflated(InputStream in, Path file, long bound, Limits limits) {
      super(in);
      this.file = file;
      this.bound = bound;
      this.limits = limits;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (ZipException e) {
        throw new FileProblem(file + ": corrupt gzip data after " + Limits.size(inflated) + " inflated; the rest is not read", e);
      }
      if (n > 0 && (inflated += n) > bound) {
        throw new FileProblem(file + ": inflates to more than " + Limits.size(bound) + " (the larger of "
            + Limits.size(limits.inflateFloorBytes()) + " and " + limits.inflateRatio() + " times its compressed size: a gzip "
            + "bomb?); the rest is not read");
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[(int) Math.min(n, 8192)];
      long done = 0;
      while (done < n) {
        int r = read(buf, 0, (int) Math.min(buf.length, n - done));
        if (r < 0) break;
        done += r;
      }
      return done;
    }
  }
}
