package dev.wraith.tetragon;

import dev.wraith.model.PodRef;
import dev.wraith.tetragon.JsonCursor.Malformed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads one protojson {@code tetragon.GetEventsResponse} (the shape in docs/runtime-signals.md §1.2: proto
 * names, defaults omitted, 64-bit values as strings) into an {@link Event}, walking only the fields this
 * layer uses. Everything else (labels, annotations, capabilities, environment variables, stack traces) is
 * skipped unread, so its values never enter the process.
 *
 * <p>Tetragon repeats the full process in every event. A process whose exec_id (protojson writes it first)
 * was already read in full is taken from a cache and the rest of its object is skipped: that, and sharing
 * repeated strings, is what makes the reader fast. One per reader thread.
 */
final class JsonEventReader {
  /** Processes held for reuse; beyond this the cache starts over (it only saves work). */
  static final int CACHED_PROCESSES = 1 << 16;

  private final ByteTable<Proc> procs = new ByteTable<>(CACHED_PROCESSES);
  private final ByteTable.Strings strings = new ByteTable.Strings(1 << 14);

  // what the current line held; reset by read()
  private int kind;
  private Proc process;
  private Proc parent;
  private String function;
  private String daddr;
  private int dport;
  private String protocol;
  private String gap;

  private static final int NONE = 0, EXEC = 1, EXIT = 2, KPROBE = 3, CONNECT = 4, GAP = 5;

  /** The event of the object at the cursor, or null for a valid event this layer does not use. */
  Event read(JsonCursor c) throws Malformed {
    kind = NONE;
    process = parent = null;
    function = daddr = protocol = gap = null;
    dport = 0;
    String node = null;
    Instant time = null;
    if (!c.object()) throw new Malformed("not an event object");
    while (c.field()) {
      if (c.is(PROCESS_KPROBE)) kprobe(c);
      else if (c.is(NODE_NAME)) node = text(c);
      else if (c.is(TIME)) time = time(c);
      else if (c.is(PROCESS_EXEC)) exec(c);
      else if (c.is(PROCESS_EXIT)) exit(c);
      else if (c.is(PROCESS_CONNECT)) connect(c);
      else if (c.is(RATE_LIMIT_INFO)) rateLimit(c);
      else if (c.is(PROCESS_THROTTLE)) throttle(c);
      else c.skipValue();
    }
    c.finish();
    return event(node == null ? "" : node, time == null ? Instant.EPOCH : time);
  }

  private Event event(String node, Instant time) {
    return switch (kind) {
      case EXEC -> process == null ? null : new Event.Exec(node, time, process, Optional.ofNullable(parent));
      case EXIT -> process == null ? null : new Event.Exit(node, time, process);
      case KPROBE, CONNECT -> process == null || daddr == null ? null
          : new Event.Connect(node, time, process, Optional.ofNullable(parent), function, daddr, dport, protocol);
      case GAP -> gap == null ? null : new Event.Gap(node, time, gap);
      default -> null;
    };
  }

  private void exec(JsonCursor c) throws Malformed {
    if (!c.object()) return;
    kind = EXEC;
    while (c.field()) {
      if (c.is(PROCESS)) process = process(c);
      else if (c.is(PARENT)) parent = parentOf(c);
      else c.skipValue();
    }
  }

  private void exit(JsonCursor c) throws Malformed {
    if (!c.object()) return;
    kind = EXIT;
    while (c.field()) {
      if (c.is(PROCESS)) process = process(c);
      else c.skipValue();
    }
  }

  private void kprobe(JsonCursor c) throws Malformed {
    if (!c.object()) return;
    kind = KPROBE;
    String fn = "";
    while (c.field()) {
      if (c.is(PROCESS)) process = process(c);
      else if (c.is(PARENT)) parent = parentOf(c);
      else if (c.is(FUNCTION_NAME)) fn = Proc.str(text(c));
      else if (c.is(ARGS)) args(c);
      else c.skipValue();
    }
    function = fn;
  }

  /** Older and enterprise builds: the connection's tuple at the top level. */
  private void connect(JsonCursor c) throws Malformed {
    if (!c.object()) return;
    kind = CONNECT;
    while (c.field()) {
      if (c.is(PROCESS)) process = process(c);
      else if (c.is(PARENT)) parent = parentOf(c);
      else if (c.is(DESTINATION_IP)) daddr = text(c);
      else if (c.is(DESTINATION_PORT)) dport = port(c.number());
      else c.skipValue();
    }
    function = "process_connect";
    protocol = "IPPROTO_TCP";
  }

  private void rateLimit(JsonCursor c) throws Malformed {
    if (!c.object()) return;
    kind = GAP;
    long dropped = -1;
    while (c.field()) {
      if (c.is(DROPPED)) dropped = c.number();
      else c.skipValue();
    }
    gap = Event.Gap.rateLimit(Math.max(dropped, 0));
  }

  private void throttle(JsonCursor c) throws Malformed {
    if (!c.object()) return;
    kind = GAP;
    String type = null, cgroup = null;
    while (c.field()) {
      if (c.is(TYPE)) type = text(c);
      else if (c.is(CGROUP)) cgroup = text(c);
      else c.skipValue();
    }
    gap = Event.Gap.throttle(Proc.str(type), Proc.str(cgroup));
  }

  /** The first socket argument with a destination wins; the others are still checked for syntax. */
  private void args(JsonCursor c) throws Malformed {
    if (!c.array()) return;
    while (c.element()) {
      if (!c.object()) continue;
      while (c.field()) {
        if (c.is(SOCK_ARG) && daddr == null) sock(c);
        else if (c.is(SOCKADDR_ARG) && daddr == null) sockaddr(c);
        else c.skipValue();
      }
    }
  }

  private void sock(JsonCursor c) throws Malformed {
    if (!c.object()) return;
    String addr = null, proto = "";
    int port = 0;
    while (c.field()) {
      if (c.is(DADDR)) addr = text(c);
      else if (c.is(DPORT)) port = port(c.number());
      else if (c.is(PROTOCOL)) proto = Proc.str(text(c));
      else c.skipValue();
    }
    if (addr != null && !addr.isEmpty()) { // protojson omits ""; gRPC cannot tell it from absent
      daddr = addr;
      dport = port;
      protocol = proto;
    }
  }

  private void sockaddr(JsonCursor c) throws Malformed {
    if (!c.object()) return;
    String addr = null;
    int port = 0;
    while (c.field()) {
      if (c.is(ADDR)) addr = text(c);
      else if (c.is(PORT)) port = port(c.number());
      else c.skipValue();
    }
    if (addr != null && !addr.isEmpty()) { // protojson omits ""; gRPC cannot tell it from absent
      daddr = addr;
      dport = port;
      protocol = "";
    }
  }

  /** A parent is absent (not an empty process) when it has no exec_id. */
  private Proc parentOf(JsonCursor c) throws Malformed {
    Proc p = process(c);
    return p == null || p.execId().isEmpty() ? null : p;
  }

  /**
   * A process. When its first field is an exec_id already read in full, the cached process is returned and
   * the rest is skipped, except that a cached process without a pod still looks for one.
   */
  private Proc process(JsonCursor c) throws Malformed {
    if (!c.object()) return null;
    if (!c.field()) return Proc.of(null, null, -1, -1, null, null, null, null, false, Optional.empty());
    int idFrom = -1, idTo = -1;
    if (c.is(EXEC_ID)) {
      int stop = c.plainStringEnd();
      if (stop >= 0) {
        idFrom = c.position() + 1;
        idTo = stop;
        Proc cached = procs.get(c.bytes(), idFrom, idTo);
        if (cached != null && !cached.cwd().isEmpty()) {
          c.consumeString(stop);
          return cached.pod().isPresent() ? skipRest(c, cached) : podLater(c, cached, idFrom, idTo);
        }
      }
    }
    return full(c, idFrom, idTo);
  }

  private static Proc skipRest(JsonCursor c, Proc cached) throws Malformed {
    c.skipRest();
    return cached;
  }

  private Proc podLater(JsonCursor c, Proc cached, int idFrom, int idTo) throws Malformed {
    PodRef pod = null;
    boolean initTree = false;
    while (c.field()) {
      if (c.is(POD)) pod = pod(c);
      else if (c.is(IN_INIT_TREE)) initTree = Boolean.TRUE.equals(c.bool());
      else c.skipValue();
    }
    if (pod == null) return cached;
    Proc fresh = cached.withPod(pod, initTree);
    procs.put(c.bytes(), idFrom, idTo, fresh);
    return fresh;
  }

  /** Reads every field of a process; the cursor is at the value of its first field. */
  private Proc full(JsonCursor c, int idFrom, int idTo) throws Malformed {
    String execId = null, parentExecId = null, cwd = null, binary = null, arguments = null;
    long pid = -1, uid = -1;
    Instant start = null;
    PodRef pod = null;
    boolean initTree = false;
    boolean first = true;
    do {
      if (c.is(EXEC_ID) && first && idFrom >= 0) c.consumeString(idTo); // made into a String only when needed
      else if (c.is(EXEC_ID)) execId = c.string();
      else if (c.is(PID)) pid = c.number();
      else if (c.is(UID)) uid = c.number();
      else if (c.is(CWD)) cwd = text(c);
      else if (c.is(BINARY)) binary = text(c);
      else if (c.is(ARGUMENTS)) arguments = c.string();
      else if (c.is(START_TIME)) start = time(c);
      else if (c.is(POD)) pod = pod(c);
      else if (c.is(PARENT_EXEC_ID)) parentExecId = c.string();
      else if (c.is(IN_INIT_TREE)) initTree = Boolean.TRUE.equals(c.bool());
      else c.skipValue();
      first = false;
    } while (c.field());
    boolean cacheable = idFrom >= 0 && idTo > idFrom;
    Proc cached = cacheable ? procs.get(c.bytes(), idFrom, idTo) : null;
    // a parent stub (exec_id, pid, binary) repeats in every kprobe event: building it again would be wasted
    int richness = (pod != null ? 2 : 0) + (cwd == null || cwd.isEmpty() ? 0 : 1);
    if (cached != null && richness <= cached.richness()) return cached;
    if (cacheable) execId = new String(c.bytes(), idFrom, idTo - idFrom, StandardCharsets.UTF_8);
    Proc fresh = Proc.of(execId, parentExecId, pid, uid, cwd, binary, arguments, start, initTree, Optional.ofNullable(pod));
    if (cacheable) procs.put(c.bytes(), idFrom, idTo, fresh);
    return fresh;
  }

  private PodRef pod(JsonCursor c) throws Malformed {
    if (!c.object()) return null;
    String ns = null, name = null, uid = null, workload = null, workloadKind = null;
    String container = null, containerId = null, image = null;
    long containerPid = -1;
    boolean probe = false;
    while (c.field()) {
      if (c.is(NAMESPACE)) ns = text(c);
      else if (c.is(NAME)) name = text(c);
      else if (c.is(UID)) uid = text(c);
      else if (c.is(WORKLOAD)) workload = text(c);
      else if (c.is(WORKLOAD_KIND)) workloadKind = text(c);
      else if (c.is(CONTAINER) && c.object()) {
        while (c.field()) {
          if (c.is(ID)) containerId = text(c);
          else if (c.is(NAME)) container = text(c);
          else if (c.is(PID)) containerPid = c.number();
          else if (c.is(MAYBE_EXEC_PROBE)) probe = Boolean.TRUE.equals(c.bool());
          else if (c.is(IMAGE) && c.object()) {
            while (c.field()) {
              if (c.is(NAME)) image = text(c);
              else c.skipValue();
            }
          } else c.skipValue();
        }
      } else c.skipValue();
    }
    return Proc.podRef(ns, name, uid, container, containerId, image, workload, workloadKind, containerPid, probe);
  }

  /** A string shared between events when its bytes repeat (names, addresses). */
  private String text(JsonCursor c) throws Malformed {
    int stop = c.plainStringEnd();
    if (stop < 0) return c.string();
    String s = strings.of(c.bytes(), c.position() + 1, stop);
    c.consumeString(stop);
    return s;
  }

  private static Instant time(JsonCursor c) throws Malformed {
    int stop = c.plainStringEnd();
    if (stop < 0) {
      String s = c.string();
      return s == null ? null : Rfc3339.parse(s);
    }
    Instant t = Rfc3339.parse(c.bytes(), c.position() + 1, stop);
    c.consumeString(stop);
    return t;
  }

  private static int port(long p) throws Malformed {
    if (p > 65535) throw new Malformed("port out of range");
    return (int) Math.max(p, 0);
  }

  private static byte[] n(String name) {
    return name.getBytes(StandardCharsets.US_ASCII);
  }

  private static final byte[] PROCESS_EXEC = n("process_exec"), PROCESS_EXIT = n("process_exit"),
      PROCESS_KPROBE = n("process_kprobe"), PROCESS_CONNECT = n("process_connect"), RATE_LIMIT_INFO = n("rate_limit_info"),
      PROCESS_THROTTLE = n("process_throttle"), NODE_NAME = n("node_name"), TIME = n("time"), PROCESS = n("process"),
      PARENT = n("parent"), FUNCTION_NAME = n("function_name"), ARGS = n("args"), SOCK_ARG = n("sock_arg"),
      SOCKADDR_ARG = n("sockaddr_arg"), DADDR = n("daddr"), DPORT = n("dport"), PROTOCOL = n("protocol"), ADDR = n("addr"),
      PORT = n("port"), DESTINATION_IP = n("destination_ip"), DESTINATION_PORT = n("destination_port"),
      DROPPED = n("number_of_dropped_process_events"), TYPE = n("type"), CGROUP = n("cgroup"), EXEC_ID = n("exec_id"),
      PID = n("pid"), UID = n("uid"), CWD = n("cwd"), BINARY = n("binary"), ARGUMENTS = n("arguments"),
      START_TIME = n("start_time"), POD = n("pod"), PARENT_EXEC_ID = n("parent_exec_id"), IN_INIT_TREE = n("in_init_tree"),
      NAMESPACE = n("namespace"), NAME = n("name"), WORKLOAD = n("workload"), WORKLOAD_KIND = n("workload_kind"),
      CONTAINER = n("container"), ID = n("id"), MAYBE_EXEC_PROBE = n("maybe_exec_probe"), IMAGE = n("image");
}
