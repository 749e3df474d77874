package dev.wraith.mcp;

import dev.wraith.redact.Redactor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the last lines a server wrote to stderr, masked: every value the config handed the server (env, headers,
 * secret arguments) replaced by {@code ***} wherever it appears, then the line through the redactor's text rules, then
 * cut to a screen's width. Thread-safe.
 */
final class StderrTail implements Consumer<String> {
  static final int LINES = 12;
  private static final int LINE_CHARS = 240;
  private final Deque<String> lines = new ArrayDeque<>();
  private final List<String> secrets;
  private final Redactor redactor;
  private int received;

  StderrTail(List<String> secrets, Redactor redactor) {
    // longest first, so a value that holds another is replaced whole
    this.secrets = secrets.stream().filter(s -> s.length() >= 4).distinct()
        .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    this.redactor = redactor;
  }

  @Override
  public synchronized void accept(String line) {
    received++;
    if (line == null || line.isBlank()) return;
    String masked = line;
    for (String s : secrets) masked = masked.replace(s, Redactor.MASK);
    String out = redactor.text(masked.strip());
    lines.addLast(out.length() > LINE_CHARS ? out.substring(0, LINE_CHARS - 1) + "…" : out);
    while (lines.size() > LINES) lines.removeFirst();
  }

  /**
   * After the server's process is gone its last lines may still be in the pipe or in the reader thread: waits until at
   * least one line arrived and none for {@code quietMillis}, or at most {@code maxMillis} for a server that wrote nothing.
   */
  void settle(long quietMillis, long maxMillis) throws InterruptedException {
    long deadline = System.nanoTime() + maxMillis * 1_000_000L;
    long lastChange = System.nanoTime();
    int seen = -1;
    while (System.nanoTime() < deadline) {
      int now;
      synchronized (this) {
        now = received;
      }
      if (now != seen) {
        seen = now;
        lastChange = System.nanoTime();
      } else if (now > 0 && System.nanoTime() - lastChange >= quietMillis * 1_000_000L) {
        return;
      }
      Thread.sleep(25);
    }
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
