package dev.wraith.cli;

import dev.wraith.model.LayerStatus;
import dev.wraith.scan.LayerId;
import dev.wraith.scan.ScanAll;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows scan-all's layers as they run, on standard error. On a terminal: one live line per layer with a spinner
 * and elapsed seconds, redrawn in place. Otherwise (CI logs, pipes): one plain line when a layer starts and one when
 * it ends, so logs stay readable.
 */
final class LayerProgress implements ScanAll.Progress, AutoCloseable {
  private static final String[] SPIN = {"|", "/", "-", "\\"};
  /** Warnings (and notes) shown per layer on the terminal; the rest are in the results (report.md, inventory.json). */
  private static final int SHOWN_WARNINGS = 5;

  private final PrintStream err;
  private final boolean live;
  private final long start = System.nanoTime();
  private final Map<String, String> lines = new LinkedHashMap<>();
  private final Map<String, Long> started = new LinkedHashMap<>();
  private final Map<String, LayerStatus> finished = new LinkedHashMap<>();
  private final Thread ticker;
  private int drawn;
  private int frame;

  LayerProgress(PrintStream err, boolean live, List<String> layers) {
    this.err = err;
    this.live = live;
    if (live) {
      for (String l : layers) lines.put(l, "waiting");
      ticker = new Thread(() -> {
        try {
          while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(250);
            redraw();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "wraith-progress");
      ticker.setDaemon(true);
      ticker.start();
    } else {
      ticker = null;
    }
  }

  @Override
  public synchronized void started(LayerId<?> id, String how) {
    String layer = id.name();
    started.put(layer, System.nanoTime());
    if (live) {
      lines.put(layer, "running  " + how);
      redraw();
    } else {
      err.printf("[%-8s] started: %s%n", layer, how);
      err.flush();
    }
  }

  @Override
  public synchronized void finished(LayerId<?> id, LayerStatus status, String summary) {
    String layer = id.name();
    double secs = (System.nanoTime() - started.getOrDefault(layer, start)) / 1e9;
    String what = status.state() == LayerStatus.State.FAILED ? status.reason() : summary;
    String line = String.format("%-8s %s (%.1f s)", status.state().id(), what, secs);
    if (live) {
      lines.put(layer, "done     " + line);
      finished.put(layer, status);
      redraw();
    } else {
      err.printf("[%-8s] %s%n", layer, line);
      printLines(layer, status);
      err.flush();
    }
  }

  /**
   * A layer's warnings under its line (an input over a limit, a file without events), then its notes (counts, how it
   * attributed), the first few of each.
   */
  private void printLines(String layer, LayerStatus status) {
    print(layer, "warning", status.warnings());
    print(layer, "note", status.notes());
  }

  private void print(String layer, String kind, List<String> list) {
    for (int i = 0; i < Math.min(list.size(), SHOWN_WARNINGS); i++) err.printf("[%-8s]   %s: %s%n", layer, kind, list.get(i));
    if (list.size() > SHOWN_WARNINGS) {
      err.printf("[%-8s]   and %d more %ss (all in report.md)%n", layer, list.size() - SHOWN_WARNINGS, kind);
    }
  }

  private synchronized void redraw() {
    if (!live) return;
    frame++;
    StringBuilder b = new StringBuilder();
    if (drawn > 0) b.append("\033[").append(drawn).append('F');
    double elapsed = (System.nanoTime() - start) / 1e9;
    for (var e : lines.entrySet()) {
      String state = e.getValue();
      String mark = state.startsWith("done") ? (state.contains("failed") ? "x" : "+")
          : state.startsWith("running") ? SPIN[frame % SPIN.length] : " ";
      b.append("\033[2K ").append(mark).append(' ').append(String.format("%-9s", e.getKey()))
          .append(state.replaceFirst("^(done|running|waiting)\\s*", "")).append('\n');
    }
    b.append("\033[2K   ").append(String.format("%.0f s elapsed", elapsed)).append('\n');
    drawn = lines.size() + 1;
    err.print(b);
    err.flush();
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.interrupt();
      synchronized (this) {
        redraw();
        finished.forEach(this::printLines);
        err.flush();
      }
    }
  }
}
