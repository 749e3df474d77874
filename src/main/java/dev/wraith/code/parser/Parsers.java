package dev.wraith.code.parser;

import java.util.Locale;

/**
 * Picks the parser backend once per process: the native library when this build has one for this platform and
 * it loads, else the fallback binding. {@code WRAITH_PARSER=fallback} (or {@code -Dwraith.parser=fallback})
 * forces the fallback, e.g. to compare the two; {@code native} makes a missing native library an error.
 */
public final class Parsers {
  private Parsers() {}

  /** The backend every parse in this process uses. */
  public static ParserBackend backend() {
    return Holder.SELECTED.backend();
  }

  /** For {@code --version}: which backend, and why the fallback when it is the fallback. */
  public static String description() {
    Selection s = Holder.SELECTED;
    return s.backend().description() + (s.reason().isEmpty() ? "" : ": " + s.reason());
  }

  private record Selection(ParserBackend backend, String reason) {}

  private static final class Holder {
    static final Selection SELECTED = select();

    private static Selection select() {
      String wanted = System.getProperty("wraith.parser", System.getenv().getOrDefault("WRAITH_PARSER", ""))
          .toLowerCase(Locale.ROOT);
      if (wanted.equals("fallback")) return new Selection(new FallbackParser(), "chosen by WRAITH_PARSER");
      try {
        NativeLibrary.load();
        return new Selection(new NativeParser(), "");
      } catch (Exception | LinkageError e) {
        if (wanted.equals("native")) throw new IllegalStateException("the native parser is not available: " + e.getMessage(), e);
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Selection(new FallbackParser(), why);
      }
    }
  }
}
