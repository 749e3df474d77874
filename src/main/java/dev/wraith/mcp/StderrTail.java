package dev.wraith.mcp;

import dev.wraith.redact.Redactor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the last lines a server wrote to stderr and shows them masked: every value the config handed the server (env,
 * headers, secret arguments) replaced by {@code ***} wherever it appears, then the line through the redactor's text
 * rules, then cut to a screen's width. Lines are kept as written and masked when shown, so taking a line costs no more
 * than storing it and a server writing gigabytes is never slowed by the masking. Thread-safe.
 */
final class StderrTail implements Consumer<String> {
  static final int LINES = 12;
  private static final int LINE_CHARS = 240;
  private final Deque<String> lines = new ArrayDeque<>();
  private final List<String> secrets;
  private final Redactor redactor;

  StderrTail(List<String> secrets, Redactor redactor) {
    // longest first, so a value that holds another is replaced whole
    this.secrets = secrets.stream().filter(s -> s.length() >= 4).distinct()
        .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    this.redactor = redactor;
  }

  /** Takes one line (blank ones are dropped, so they never push a real line out); the oldest goes past {@link #LINES}. */
  @Override
  public synchronized void accept(String line) {
    if (line == null || line.isBlank()) return;
    lines.addLast(line);
    while (lines.size() > LINES) lines.removeFirst();
  }

  /** The kept lines, oldest first, masked and cut. */
  List<String> lines() {
    List<String> raw;
    synchronized (this) {
      raw = List.copyOf(lines);
    }
    return raw.stream().map(this::masked).toList();
  }

  private String masked(String line) {
    String masked = line;
    for (String s : secrets) masked = masked.replace(s, Redactor.MASK);
    String out = redactor.text(masked.strip());
    return out.length() > LINE_CHARS ? out.substring(0, LINE_CHARS - 1) + "…" : out;
  }
}
