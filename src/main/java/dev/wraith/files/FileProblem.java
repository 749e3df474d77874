package dev.wraith.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file operation that failed, as one sentence for the person running wraith: which file, what happened and, where
 * it helps, what to do ("no space left on device while writing out/inventory.json"). Never an exception class name or
 * a library's wording; the cause keeps those for {@code --debug}.
 */
public class FileProblem extends IOException {
  private static final long serialVersionUID = 1L;

  public FileProblem(String sentence) {
    super(sentence);
  }

  public FileProblem(String sentence, Throwable cause) {
    super(sentence, cause);
  }

  /** {@code failure} (of {@code doing}, e.g. "writing", to {@code file}) as a FileProblem; a FileProblem stays as it is. */
  public static FileProblem of(IOException failure, Path file, String doing) {
    if (failure instanceof FileProblem p) return p;
    return new FileProblem(describe(failure, file, doing), failure);
  }

  /**
   * The sentence for an I/O failure: by the exception's type or the operating system's reason (errno text), never the
   * JDK's message. The file named is the one the failure names when there is one (a parent directory that could not
   * be created), else {@code file}.
   */
  public static String describe(Throwable failure, Path file, String doing) {
    return describe(failure, file, doing, false);
  }

  /** {@link #describe}, naming {@code file} even where the failure names another (a temporary file of ours). */
  public static String describeAs(Throwable failure, Path file, String doing) {
    return describe(failure, file, doing, true);
  }

  private static String describe(Throwable failure, Path file, String doing, boolean asGiven) {
    if (failure instanceof FileProblem p) return p.getMessage();
    String where = file == null ? "a file" : file.toString();
    if (!asGiven && failure instanceof FileSystemException fs && fs.getFile() != null && !fs.getFile().isEmpty()) {
      where = fs.getFile();
    }
    if (failure instanceof NoSuchFileException) {
      return doing.startsWith("read") || doing.startsWith("open") ? where + ": no such file or directory"
          : doing + " " + describeTarget(file, where) + " failed: " + where + " does not exist and cannot be created";
    }
    if (failure instanceof AccessDeniedException) return "permission denied while " + doing + " " + where + "; check its permissions";
    if (failure instanceof NotDirectoryException) return where + ": a part of this path is not a directory";
    if (failure instanceof FileAlreadyExistsException) {
      return java.nio.file.Files.isRegularFile(Path.of(where)) ? where + " is a file where a directory is needed"
          : where + " already exists";
    }
    if (failure instanceof DirectoryNotEmptyException) return where + " is a directory that is not empty";
    String reason = failure instanceof FileSystemException fs ? fs.getReason() : failure.getMessage();
    return byReason(reason, where, doing);
  }

  private static String describeTarget(Path file, String where) {
    return file == null || file.toString().equals(where) ? where : file.toString();
  }

  /** errno texts (strerror) as the JDK passes them through; matched case-insensitively, anywhere in the message. */
  private static String byReason(String reason, String where, String doing) {
    String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    if (r.contains("no space left")) return "no space left on device while " + doing + " " + where + "; free some space";
    if (r.contains("quota exceeded")) return "disk quota exceeded while " + doing + " " + where;
    if (r.contains("read-only file system")) return where + " is on a read-only file system; choose a writable location";
    if (r.contains("permission denied") || r.contains("operation not permitted")) {
      return "permission denied while " + doing + " " + where + "; check its permissions";
    }
    if (r.contains("too many levels of symbolic links")) return where + ": a symbolic link loop (too many levels of links)";
    if (r.contains("is a directory")) return where + " is a directory, not a file";
    if (r.contains("not a directory")) return where + ": a part of this path is not a directory";
    if (r.contains("no such file")) return where + ": no such file or directory";
    if (r.contains("input/output error")) return "input/output error while " + doing + " " + where + " (a failing disk or network mount?)";
    if (r.contains("file name too long")) return where + ": the file name is too long";
    if (r.contains("too many open files")) return "too many open files while " + doing + " " + where + "; raise the limit (ulimit -n)";
    if (r.contains("stale file handle")) return where + ": stale file handle (the network mount changed)";
    return "an I/O error while " + doing + " " + where + " (run with --debug for details)";
  }
}
