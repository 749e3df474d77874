package dev.wraith.host;

import dev.wraith.cmdline.EntryScripts;
import dev.wraith.model.EntryScript;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Processes the sensor has looked at, keyed by pid and checked against the start time so a reused pid is
 * read afresh. Origin (container / exec / node, by {@link ProcessOrigins}) and entry script are worked out
 * once per process: they do not change while it lives. Not thread-safe; the sampler owns it.
 */
final class ProcessTable {
  static final long MAX_SCRIPT_BYTES = 64L * 1024 * 1024;

  /** A process with what is derived from it; {@code denied} says which fields could not be read. */
  record Entry(ProcessInfo info, String denied, ProcessOrigin origin, Optional<EntryScript> script) {}

  private final ProcFs proc;
  private final ProcessReader reader;
  private final Map<Integer, ProcessReader.Read> reads = new HashMap<>();
  private final Map<Integer, Entry> entries = new HashMap<>();
  private final ProcessOrigins origins;

  ProcessTable(ProcFs proc, dev.wraith.redact.Redactor redactor) {
    this.proc = proc;
    this.reader = new ProcessReader(proc, redactor);
    this.origins = new ProcessOrigins(proc, new ProcessOrigins.Processes() {
      @Override
      public ProcessReader.Read read(int pid) throws IOException {
        return current(pid);
      }

      @Override
      public Optional<ProcessOrigin> known(ProcessInfo p) {
        Entry k = entries.get(p.pid());
        return k != null && k.info().startTicks() == p.startTicks() ? Optional.of(k.origin()) : Optional.empty();
      }
    });
  }

  /**
   * The process now running as pid, with origin and script.
   *
   * @param candidates pids that may hold its container's init (its network namespace's), see {@link ProcessOrigins}
   * @throws NoSuchFileException when it is gone
   */
  Entry entry(int pid, List<Integer> candidates) throws IOException {
    ProcessReader.Read r = current(pid);
    Entry e = entries.get(pid);
    if (e != null && e.info().startTicks() == r.info().startTicks()) return e;
    e = new Entry(r.info(), r.denied(), origins.of(r, candidates), script(r.info()));
    entries.put(pid, e);
    return e;
  }

  /** Forgets processes that are no longer in the pid list. */
  void retain(java.util.Set<Integer> live) {
    reads.keySet().retainAll(live);
    entries.keySet().retainAll(live);
  }

  private ProcessReader.Read current(int pid) throws IOException {
    ProcessReader.Read r = reads.get(pid);
    if (r != null && reader.startTicks(pid) == r.info().startTicks()) return r;
    r = reader.read(pid);
    reads.put(pid, r);
    return r;
  }

  private Optional<EntryScript> script(ProcessInfo p) {
    return EntryScripts.scriptPath(p.argv(), p.cwd()).map(path -> hash(p.pid(), path));
  }

  private EntryScript hash(int pid, String path) {
    try {
      byte[] digest = proc.digestInRoot(pid, path, MAX_SCRIPT_BYTES, "SHA-256").digest();
      return new EntryScript(path, HexFormat.of().formatHex(digest), "");
    } catch (NoSuchFileException e) {
      return new EntryScript(path, "", "not found (deleted, or relative to an unreadable cwd)");
    } catch (IOException e) {
      return new EntryScript(path, "", e instanceof java.nio.file.AccessDeniedException ? "permission denied" : reason(e));
    }
  }

  private static String reason(IOException e) {
    return e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
  }
}
