package dev.wraith.host;

import dev.wraith.model.ProcessInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every process on the node once, with the same reader (and masking) the sensor uses: for finds that need the whole
 * process table rather than the processes with AI connections (MCP servers run by npx, uvx, python -m, java -jar).
 * A process that exits while it is read is left out; one that cannot be read is listed with what was readable.
 */
public final class ProcessList {
  private ProcessList() {}

  /** At most {@code limit} processes, in pid order. */
  public static List<ProcessInfo> snapshot(ProcFs proc, int limit, dev.wraith.redact.Redactor redactor) throws IOException {
    ProcessReader reader = new ProcessReader(proc, redactor);
    List<ProcessInfo> out = new ArrayList<>();
    for (int pid : proc.pids().stream().sorted().toList()) {
      if (out.size() >= limit) break;
      try {
        out.add(reader.read(pid).info());
      } catch (IOException | RuntimeException gone) {
        // exited between listing and reading, or unreadable stat: nothing to say about it
      }
    }
    return out;
  }
}
