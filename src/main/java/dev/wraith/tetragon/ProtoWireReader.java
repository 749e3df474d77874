package dev.wraith.tetragon;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.wraith.model.PodRef;
import dev.wraith.tetragon.api.GetEventsResponse;
import dev.wraith.tetragon.api.KprobeArgument;
import dev.wraith.tetragon.api.KprobeSock;
import dev.wraith.tetragon.api.KprobeSockaddr;
import dev.wraith.tetragon.api.Pod;
import dev.wraith.tetragon.api.ProcessKprobe;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads one {@code tetragon.GetEventsResponse} from its wire bytes into the same {@link Event} the export reader
 * makes of the line, with the export reader's shortcut: Tetragon repeats the full process in every event, so a
 * process whose exec_id (field 1, written first) was already read in full is taken from a cache and the rest
 * of it is skipped by its length prefix, unparsed. Field numbers are those of the generated subset
 * ({@code src/main/proto/tetragon}); a field with another wire type than declared is skipped, as protobuf does.
 * Proto defaults read as omitted protojson fields do. Parsing every message into the generated classes gives
 * the same events (the parity test checks it) at several times the cost. One per stream reader.
 */
final class ProtoWireReader {
  private final ByteTable<Proc> procs = new ByteTable<>(JsonEventReader.CACHED_PROCESSES);
  private final ByteTable.Strings strings = new ByteTable.Strings(1 << 14);
  private byte[] b;

  /** The event, or null for one this layer does not use (other types, a kprobe without a socket). */
  Event read(byte[] message) throws IOException {
    b = message;
    CodedInputStream in = CodedInputStream.newInstance(message);
    String node = "";
    Instant time = Instant.EPOCH;
    Event event = null; // the last event field wins, as protobuf's oneof does
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        in.skipField(tag);
        continue;
      }
      switch (field) {
        case GetEventsResponse.PROCESS_KPROBE_FIELD_NUMBER -> event = kprobe(in);
        case GetEventsResponse.NODE_NAME_FIELD_NUMBER -> node = text(in);
        case GetEventsResponse.TIME_FIELD_NUMBER -> time = timestamp(in);
        case GetEventsResponse.PROCESS_EXEC_FIELD_NUMBER -> event = exec(in);
        case GetEventsResponse.PROCESS_EXIT_FIELD_NUMBER -> event = exit(in);
        case GetEventsResponse.RATE_LIMIT_INFO_FIELD_NUMBER -> event = rateLimit(in);
        case GetEventsResponse.PROCESS_THROTTLE_FIELD_NUMBER -> event = throttle(in);
        default -> in.skipField(tag);
      }
    }
    return stamped(event, node, time);
  }

  /** The event read before node and time were known, with them. */
  private static Event stamped(Event e, String node, Instant time) {
    if (e instanceof Event.Connect c) {
      return new Event.Connect(node, time, c.process(), c.parent(), c.function(), c.daddr(), c.dport(), c.protocol());
    }
    if (e instanceof Event.Exec x) return new Event.Exec(node, time, x.process(), x.parent());
    if (e instanceof Event.Exit x) return new Event.Exit(node, time, x.process());
    if (e instanceof Event.Gap g) return g.what() == null ? null : new Event.Gap(node, time, g.what());
    return null;
  }

  private Event exec(CodedInputStream in) throws IOException {
    int outer = enter(in);
    Proc process = null, parent = null;
    boolean hasProcess = false;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (isMessage(tag, 1)) {
        process = process(in);
        hasProcess = true;
      } else if (isMessage(tag, 2)) {
        parent = parentOf(in);
      } else {
        in.skipField(tag);
      }
    }
    in.popLimit(outer);
    return hasProcess ? new Event.Exec("", Instant.EPOCH, process, Optional.ofNullable(parent)) : null;
  }

  private Event exit(CodedInputStream in) throws IOException {
    int outer = enter(in);
    Proc process = null;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (isMessage(tag, 1)) process = process(in);
      else in.skipField(tag);
    }
    in.popLimit(outer);
    return process == null ? null : new Event.Exit("", Instant.EPOCH, process);
  }

  private static Event rateLimit(CodedInputStream in) throws IOException {
    int outer = enter(in);
    long dropped = 0;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag == tag(1, WireFormat.WIRETYPE_VARINT)) dropped = in.readUInt64();
      else in.skipField(tag);
    }
    in.popLimit(outer);
    return new Event.Gap("", Instant.EPOCH, Event.Gap.rateLimit(dropped));
  }

  private Event throttle(CodedInputStream in) throws IOException {
    int outer = enter(in);
    int type = 0;
    String cgroup = "";
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag == tag(1, WireFormat.WIRETYPE_VARINT)) type = in.readEnum();
      else if (isMessage(tag, 2)) cgroup = text(in);
      else in.skipField(tag);
    }
    in.popLimit(outer);
    var t = dev.wraith.tetragon.api.ThrottleType.forNumber(type);
    return new Event.Gap("", Instant.EPOCH, Event.Gap.throttle(t == null ? "UNRECOGNIZED" : t.name(), cgroup));
  }

  /** A kprobe's parts; the first socket argument with a destination wins, as in the export reader. */
  private static final class Kprobe {
    Proc process;
    Proc parent;
    String function = "";
    String daddr;
    int dport;
    String protocol;
  }

  /** The connection, or null for a kprobe without a destination (or with a port out of range). */
  private Event kprobe(CodedInputStream in) throws IOException {
    int outer = enter(in);
    Kprobe k = new Kprobe();
    boolean tooBig = false;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (isMessage(tag, ProcessKprobe.PROCESS_FIELD_NUMBER)) k.process = process(in);
      else if (isMessage(tag, ProcessKprobe.PARENT_FIELD_NUMBER)) k.parent = parentOf(in);
      else if (isMessage(tag, ProcessKprobe.FUNCTION_NAME_FIELD_NUMBER)) k.function = text(in);
      else if (isMessage(tag, ProcessKprobe.ARGS_FIELD_NUMBER) && k.daddr == null) tooBig |= argument(in, k);
      else in.skipField(tag);
    }
    in.popLimit(outer);
    return tooBig || k.process == null || k.daddr == null ? null
        : new Event.Connect("", Instant.EPOCH, k.process, Optional.ofNullable(k.parent), k.function, k.daddr, k.dport,
            k.protocol);
  }

  /** Reads one argument into k when it has a destination; true when its port is out of range. */
  private boolean argument(CodedInputStream in, Kprobe k) throws IOException {
    int outer = enter(in);
    String addr = null, proto = "";
    long port = 0;
    boolean sock = false;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      boolean isSock = isMessage(tag, KprobeArgument.SOCK_ARG_FIELD_NUMBER);
      if (isSock || isMessage(tag, KprobeArgument.SOCKADDR_ARG_FIELD_NUMBER)) {
        sock = isSock; // a oneof: the last one written is the argument
        addr = null;
        proto = "";
        port = 0;
        int inner = enter(in);
        while (!in.isAtEnd()) {
          int t = in.readTag();
          if (isSock && isMessage(t, KprobeSock.DADDR_FIELD_NUMBER)) addr = text(in);
          else if (isSock && t == tag(KprobeSock.DPORT_FIELD_NUMBER, WireFormat.WIRETYPE_VARINT)) port = in.readUInt32() & 0xffffffffL;
          else if (isSock && isMessage(t, KprobeSock.PROTOCOL_FIELD_NUMBER)) proto = text(in);
          else if (!isSock && isMessage(t, KprobeSockaddr.ADDR_FIELD_NUMBER)) addr = text(in);
          else if (!isSock && t == tag(KprobeSockaddr.PORT_FIELD_NUMBER, WireFormat.WIRETYPE_VARINT)) port = in.readUInt32() & 0xffffffffL;
          else in.skipField(t);
        }
        in.popLimit(inner);
      } else {
        in.skipField(tag);
      }
    }
    in.popLimit(outer);
    if (addr == null || addr.isEmpty()) return false;
    if (port > 65535) return true;
    k.daddr = addr;
    k.dport = (int) port;
    k.protocol = sock ? proto : "";
    return false;
  }

  /** A parent is absent (not an empty process) when it has no exec_id. */
  private Proc parentOf(CodedInputStream in) throws IOException {
    Proc p = process(in);
    return p.execId().isEmpty() ? null : p;
  }

  /**
   * A process. When its first field is an exec_id already read in full, the cached process is returned and
   * the rest is skipped, except that a cached process without a pod still looks for one.
   */
  private Proc process(CodedInputStream in) throws IOException {
    int outer = enter(in);
    try {
      if (in.isAtEnd()) return Proc.of(null, null, -1, -1, null, null, null, null, false, Optional.empty());
      int tag = in.readTag();
      int idFrom = -1, idTo = -1;
      if (isMessage(tag, 1)) {
        int len = in.readRawVarint32();
        idFrom = in.getTotalBytesRead();
        idTo = idFrom + len;
        in.skipRawBytes(len);
        Proc cached = procs.get(b, idFrom, idTo);
        if (cached != null && !cached.cwd().isEmpty()) {
          if (cached.pod().isPresent()) {
            in.skipRawBytes(in.getBytesUntilLimit());
            return cached;
          }
          return podLater(in, cached, idFrom, idTo);
        }
        tag = in.isAtEnd() ? 0 : in.readTag();
      }
      return full(in, tag, idFrom, idTo);
    } finally {
      in.popLimit(outer);
    }
  }

  private Proc podLater(CodedInputStream in, Proc cached, int idFrom, int idTo) throws IOException {
    PodRef pod = null;
    boolean initTree = false;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (isMessage(tag, 10)) pod = pod(in);
      else if (isMessage(tag, 20)) initTree = wrapped(in) != 0;
      else in.skipField(tag);
    }
    if (pod == null) return cached;
    Proc fresh = cached.withPod(pod, initTree);
    procs.put(b, idFrom, idTo, fresh);
    return fresh;
  }

  /** Reads every field of a process; tag is its first field still to read (0: none), after an exec_id at idFrom. */
  private Proc full(CodedInputStream in, int tag, int idFrom, int idTo) throws IOException {
    String execId = null, parentExecId = null, cwd = null, binary = null, arguments = null;
    long pid = -1, uid = -1;
    Instant start = null;
    PodRef pod = null;
    boolean initTree = false;
    for (; tag != 0; tag = in.isAtEnd() ? 0 : in.readTag()) {
      if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        in.skipField(tag);
        continue;
      }
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> {
          execId = in.readStringRequireUtf8();
          idFrom = -1;
        }
        case 2 -> pid = wrapped(in);
        case 3 -> uid = wrapped(in);
        case 4 -> cwd = text(in);
        case 5 -> binary = text(in);
        case 6 -> arguments = in.readStringRequireUtf8();
        case 8 -> start = timestamp(in);
        case 10 -> pod = pod(in);
        case 12 -> parentExecId = in.readStringRequireUtf8();
        case 20 -> initTree = wrapped(in) != 0;
        default -> in.skipField(tag);
      }
    }
    boolean cacheable = idFrom >= 0 && idTo > idFrom;
    Proc cached = cacheable ? procs.get(b, idFrom, idTo) : null;
    int richness = (pod != null ? 2 : 0) + (cwd == null || cwd.isEmpty() ? 0 : 1);
    if (cached != null && richness <= cached.richness()) return cached;
    if (cacheable) execId = new String(b, idFrom, idTo - idFrom, java.nio.charset.StandardCharsets.UTF_8);
    Proc fresh = Proc.of(execId, parentExecId, pid, uid, cwd, binary, arguments, start, initTree, Optional.ofNullable(pod));
    if (cacheable) procs.put(b, idFrom, idTo, fresh);
    return fresh;
  }

  private PodRef pod(CodedInputStream in) throws IOException {
    int outer = enter(in);
    String ns = null, name = null, uid = null, workload = null, workloadKind = null;
    String container = null, containerId = null, image = null;
    long containerPid = -1;
    boolean probe = false;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (isMessage(tag, Pod.NAMESPACE_FIELD_NUMBER)) ns = text(in);
      else if (isMessage(tag, Pod.NAME_FIELD_NUMBER)) name = text(in);
      else if (isMessage(tag, Pod.UID_FIELD_NUMBER)) uid = text(in);
      else if (isMessage(tag, Pod.WORKLOAD_FIELD_NUMBER)) workload = text(in);
      else if (isMessage(tag, Pod.WORKLOAD_KIND_FIELD_NUMBER)) workloadKind = text(in);
      else if (isMessage(tag, Pod.CONTAINER_FIELD_NUMBER)) {
        int inner = enter(in);
        while (!in.isAtEnd()) {
          int t = in.readTag();
          if (isMessage(t, 1)) containerId = text(in);
          else if (isMessage(t, 2)) container = text(in);
          else if (isMessage(t, 5)) containerPid = wrapped(in);
          else if (t == tag(13, WireFormat.WIRETYPE_VARINT)) probe = in.readBool();
          else if (isMessage(t, 3)) {
            int img = enter(in);
            while (!in.isAtEnd()) {
              int u = in.readTag();
              if (isMessage(u, 2)) image = text(in);
              else in.skipField(u);
            }
            in.popLimit(img);
          } else in.skipField(t);
        }
        in.popLimit(inner);
      } else in.skipField(tag);
    }
    in.popLimit(outer);
    return Proc.podRef(ns, name, uid, container, containerId, image, workload, workloadKind, containerPid, probe);
  }

  /** The value of a google.protobuf.UInt32Value or BoolValue (field 1; 0 when absent from the wrapper). */
  private static long wrapped(CodedInputStream in) throws IOException {
    int outer = enter(in);
    long v = 0;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag == tag(1, WireFormat.WIRETYPE_VARINT)) v = in.readUInt32() & 0xffffffffL;
      else in.skipField(tag);
    }
    in.popLimit(outer);
    return v;
  }

  private static Instant timestamp(CodedInputStream in) throws IOException {
    int outer = enter(in);
    long seconds = 0;
    int nanos = 0;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag == tag(1, WireFormat.WIRETYPE_VARINT)) seconds = in.readInt64();
      else if (tag == tag(2, WireFormat.WIRETYPE_VARINT)) nanos = in.readInt32();
      else in.skipField(tag);
    }
    in.popLimit(outer);
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** A string shared between events when its bytes repeat (names, addresses). */
  private String text(CodedInputStream in) throws IOException {
    int len = in.readRawVarint32();
    int from = in.getTotalBytesRead();
    in.skipRawBytes(len);
    return strings.of(b, from, from + len);
  }

  private static int enter(CodedInputStream in) throws IOException {
    return in.pushLimit(in.readRawVarint32());
  }

  /** A length-delimited field (message, string, bytes). */
  private static boolean isMessage(int tag, int field) {
    return tag == tag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
  }

  /** The tag of a field: its number and wire type, as protobuf writes it. */
  private static int tag(int field, int wireType) {
    return (field << 3) | wireType;
  }
}
