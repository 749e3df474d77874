package dev.wraith.cluster;

import dev.wraith.redact.Redactor;
import java.util.List;

/**
 * A container's or exec session's command as the cluster layer records it: the argument list through the one
 * redactor, joined with spaces, and cut at {@value #MAX} characters (after redaction, so a cut never leaves part of a
 * secret) so one huge inline script cannot swamp a report.
 */
final class CommandText {
  static final int MAX = 300;

  private CommandText() {}

  static String of(Redactor redactor, List<String> argv) {
    String line = redactor.command(argv);
    return line.length() > MAX ? line.substring(0, MAX - 1) + "…" : line;
  }
}
