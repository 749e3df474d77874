package dev.wraith.tetragon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.wraith.host.CommandLine;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one export line into an event. A line may carry a prefix before its JSON ({@code kubectl logs
 * --timestamps} or {@code --prefix}); everything before the first '{' is ignored. Thread-safe.
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
  private static final ObjectReader READER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build().readerFor(Wire.Response.class);

  public Result parse(String line) {
    int brace = line.indexOf('{');
    if (brace < 0) return new Result.Malformed(line.isBlank() ? "blank line" : "no JSON object");
    Wire.Response r;
    try {
      r = READER.readValue(brace == 0 ? line : line.substring(brace));
    } catch (JsonProcessingException e) {
      return new Result.Malformed("not valid event JSON");
    }
    try {
      return event(r);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return new Result.Malformed("bad field value");
    }
  }

  private static Result event(Wire.Response r) {
    String node = r.nodeName() == null ? "" : r.nodeName();
    Instant time = r.time() == null ? Instant.EPOCH : Instant.parse(r.time());
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

  private static Result kprobe(String node, Instant time, Wire.ProcessKprobe k) {
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

  private static Optional<Proc> optProc(Wire.Process p) {
    return p == null || p.execId() == null ? Optional.empty() : Optional.of(proc(p));
  }

  static Proc proc(Wire.Process p) {
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
