package dev.wraith.files;

import java.util.ConcurrentModificationException;

/**
 * Any failure, in words for the person running wraith: a {@link FileProblem} or one of our own exceptions says what it
 * says; running out of memory says how to give more; a bug (an Error, a null pointer, a bad cast or index) is "an
 * internal error", never its class name. The class and trace go to the debug log (shown with --debug).
 */
public final class Failures {
  private static final System.Logger LOG = System.getLogger("dev.wraith");

  private Failures() {}

  /** The failure in words; logs it with its trace at DEBUG, as {@code doing} ("the cluster layer"). */
  public static String describe(Throwable failure, String doing) {
    LOG.log(System.Logger.Level.DEBUG, doing + " failed", failure);
    Throwable t = failure;
    while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.util.concurrent.CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof OutOfMemoryError) {
      return "ran out of memory; give Java more (WRAITH_JAVA_OPTS=-Xmx4g ./wraith ..., or java -Xmx4g -jar wraith.jar ...)";
    }
    if (t instanceof StackOverflowError) return "input nested too deeply to follow (a stack overflow)";
    if (t instanceof FileProblem) return t.getMessage();
    if (t instanceof InterruptedException) return "interrupted";
    if (t instanceof Error || bug(t) || t.getMessage() == null || t.getMessage().isBlank()) {
      return "an internal error (run with --debug for details)";
    }
    if (t instanceof java.io.UncheckedIOException u && u.getCause() != null) t = u.getCause();
    if (t instanceof java.nio.file.FileSystemException fs) return FileProblem.describe(fs, null, "reading or writing");
    return t.getMessage();
  }

  /** Exceptions that only a mistake in wraith's own code throws: their messages describe code, not input. */
  private static boolean bug(Throwable t) {
    return t instanceof NullPointerException || t instanceof ClassCastException || t instanceof IndexOutOfBoundsException
        || t instanceof ArithmeticException || t instanceof UnsupportedOperationException
        || t instanceof ConcurrentModificationException || t instanceof ArrayStoreException
        || t instanceof NegativeArraySizeException;
  }
}
