package dev.wraith.tetragon;

import dev.wraith.host.CommandLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one export line into an event. A line may carry a prefix before its JSON ({@code kubectl logs
 * --timestamps} or {@code --prefix}); everything before the first '{' is ignored. One per reader thread.
 */
public final class EventParser {
  /** What one line turned out to be. */
  public sealed interface Result {
    record Parsed(Event event) implements Result {}

    /** Valid JSON of an event type this layer does not use (tracepoint, lsm, ...), or a kprobe without a socket. */
    record Ignored() implements Result {}

    record Malformed(String why) implements Result {}
  }

  private static final Result IGNORED = new Result.Ignored();
  /**
   * Processes already converted, by exec_id: Tetragon repeats the same process in every event, and masking
   * its arguments once instead of per event is most of the reader's speed. Replaced when a later event
   * knows the pod and the cached one did not (the pod lookup can lag the first events).
   */
  private final java.util.Map<String, Proc> seen = new java.util.HashMap<>();

  public Result parse(String line) {
    byte[] b = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return parse(b, 0, b.length);
  }

  /** One line of UTF-8 bytes, without its line terminator. */
  public Result parse(byte[] buf, int off, int len) {
    int brace = off;
    int end = off + len;
    while (brace < end && buf[brace] != '{') brace++;
    if (brace == end) return new Result.Malformed(blank(buf, off, end) ? "blank line" : "no JSON object");
    Wire.Response r;
    try {
      r = WireReader.read(buf, brace, end - brace, this::known);
    } catch (java.io.IOException e) {
      return new Result.Malformed("not valid event JSON");
    }
    try {
      return event(r);
    } catch (java.time.DateTimeException | IllegalArgumentException e) {
      return new Result.Malformed("bad field value");
    }
  }

  private static boolean blank(byte[] buf, int off, int end) {
    for (int i = off; i < end; i++) if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r') return false;
    return true;
  }

  /** A process is known in full once it was seen with its pod; node processes are always read again (cheap). */
  private boolean known(String execId) {
    Proc p = seen.get(execId);
    return p != null && p.pod().isPresent() && !p.cwd().isEmpty();
  }

  private Result event(Wire.Response r) {
    String node = r.nodeName() == null ? "" : r.nodeName();
    Instant time = r.time() == null ? Instant.EPOCH : Rfc3339.parse(r.time());
    if (r.processExec() != null && r.processExec().process() != null) {
      return parsed(new Event.Exec(node, time, proc(r.processExec().process()), optProc(r.processExec().parent())));
    }
    if (r.processExit() != null && r.processExit().process() != null) {
      return parsed(new Event.Exit(node, time, proc(r.processExit().process())));
    }
    if (r.processKprobe() != null && r.processKprobe().process() != null) return kprobe(node, time, r.processKprobe());
    if (r.processConnect() != null && r.processConnect().process() != null) {
      Wire.ProcessConnect c = r.processConnect();
      if (c.destinationIp() == null) return IGNORED;
      return parsed(new Event.Connect(node, time, proc(c.process()), optProc(c.parent()), "process_connect",
          c.destinationIp(), port(c.destinationPort()), "IPPROTO_TCP"));
    }
    if (r.rateLimitInfo() != null) return parsed(new Event.Gap(node, time, "rate_limit_info (events dropped)"));
    if (r.processThrottle() != null) return parsed(new Event.Gap(node, time, "process_throttle (a cgroup was throttled)"));
    return IGNORED;
  }

  private Result kprobe(String node, Instant time, Wire.ProcessKprobe k) {
    String fn = k.functionName() == null ? "" : k.functionName();
    for (Wire.KprobeArgument a : k.args() == null ? List.<Wire.KprobeArgument>of() : k.args()) {
      if (a == null) continue;
      if (a.sockArg() != null && a.sockArg().daddr() != null) {
        Wire.Sock s = a.sockArg();
        return parsed(new Event.Connect(node, time, proc(k.process()), optProc(k.parent()), fn, s.daddr(),
            port(s.dport()), s.protocol() == null ? "" : s.protocol()));
      }
      if (a.sockaddrArg() != null && a.sockaddrArg().addr() != null) {
        Wire.Sockaddr s = a.sockaddrArg();
        return parsed(new Event.Connect(node, time, proc(k.process()), optProc(k.parent()), fn, s.addr(),
            port(s.port()), ""));
      }
    }
    return IGNORED;
  }

  private static Result parsed(Event e) {
    return new Result.Parsed(e);
  }

  private Optional<Proc> optProc(Wire.Process p) {
    return p == null || p.execId() == null ? Optional.empty() : Optional.of(proc(p));
  }

  private Proc proc(Wire.Process p) {
    String id = str(p.execId());
    Proc cached = id.isEmpty() ? null : seen.get(id);
    if (cached != null && richness(p) <= richness(cached)) return cached;
    Proc fresh = convert(p);
    if (!id.isEmpty()) seen.put(id, fresh);
    return fresh;
  }

  /** How much a description says: a pod beats no pod, a full process beats a parent stub (exec_id, pid, binary). */
  private static int richness(Wire.Process p) {
    return (p.pod() != null ? 2 : 0) + (p.cwd() != null ? 1 : 0);
  }

  private static int richness(Proc p) {
    return (p.pod().isPresent() ? 2 : 0) + (p.cwd().isEmpty() ? 0 : 1);
  }

  static Proc convert(Wire.Process p) {
    String binary = str(p.binary());
    List<String> raw = new ArrayList<>();
    raw.add(binary);
    // Tetragon joins argv with spaces; an argument that contained a space cannot be told apart
    for (String a : str(p.arguments()).split(" ")) if (!a.isEmpty()) raw.add(a);
    return new Proc(str(p.execId()), str(p.parentExecId()), (int) num(p.pid()), (int) num(p.uid()), str(p.cwd()), binary,
        CommandLine.redact(raw), str(p.startTime()), Boolean.TRUE.equals(p.inInitTree()),
        Optional.ofNullable(p.pod()).map(EventParser::pod));
  }

  private static PodRef pod(Wire.Pod p) {
    Wire.Container c = p.container();
    String id = c == null ? "" : str(c.id());
    int sep = id.indexOf("://");
    return new PodRef(str(p.namespace()), str(p.name()), str(p.uid()), c == null ? "" : str(c.name()),
        sep < 0 ? id : id.substring(sep + 3), sep < 0 ? "" : id.substring(0, sep),
        c == null || c.image() == null ? "" : str(c.image().name()), str(p.workload()), str(p.workloadKind()),
        c == null ? 0 : (int) num(c.pid()), c != null && Boolean.TRUE.equals(c.maybeExecProbe()));
  }

  private static int port(Long p) {
    long v = num(p);
    if (v < 0 || v > 65535) throw new IllegalArgumentException("port out of range");
    return (int) v;
  }

  private static String str(String s) {
    return s == null ? "" : s;
  }

  private static long num(Long n) {
    return n == null ? 0 : n;
  }
}
