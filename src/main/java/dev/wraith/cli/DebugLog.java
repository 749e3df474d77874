package dev.wraith.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * --debug: the failures wraith turns into plain sentences are logged (System.Logger, DEBUG) with their exception
 * classes, library messages and stack traces; this sends them to standard error, or nowhere. Logging is process-wide
 * by nature, so this is the one switch, set by {@link Main} for each run.
 */
final class DebugLog {
  /** Held strongly: java.util.logging keeps loggers only weakly. */
  private static final Logger ROOT = Logger.getLogger("dev.wraith");
  private static final ConsoleHandler HANDLER = new ConsoleHandler();
  private static volatile boolean enabled;

  static {
    HANDLER.setLevel(Level.ALL);
    HANDLER.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord r) {
        StringBuilder b = new StringBuilder("wraith debug: ").append(r.getLoggerName()).append(": ").append(r.getMessage())
            .append(System.lineSeparator());
        if (r.getThrown() != null) {
          java.io.StringWriter w = new java.io.StringWriter();
          r.getThrown().printStackTrace(new java.io.PrintWriter(w));
          b.append(w);
        }
        return b.toString();
      }
    });
  }

  private DebugLog() {}

  static synchronized void set(boolean on) {
    enabled = on;
    ROOT.removeHandler(HANDLER);
    if (on) {
      ROOT.setLevel(Level.ALL);
      ROOT.setUseParentHandlers(false);
      ROOT.addHandler(HANDLER);
    } else {
      ROOT.setLevel(Level.INFO);
      ROOT.setUseParentHandlers(true);
    }
  }

  static boolean enabled() {
    return enabled;
  }
}
