package dev.wraith.tetragon;

import dev.wraith.model.PodRef;
import dev.wraith.tetragon.api.GetEventsResponse;
import dev.wraith.tetragon.api.KprobeArgument;
import dev.wraith.tetragon.api.ProcessKprobe;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The reference for {@link ProtoWireReader}: the same conversion through the generated message classes (every
 * message parsed in full, undeclared fields dropped), which the parity test holds the wire reader and the
 * export reader to. Proto defaults read as omitted JSON fields do; processes are built by {@link Proc#of} and
 * cached by exec_id with the same "richer description wins" rule.
 */
final class ProtoEventReader {
  private final Map<String, Proc> procs = new HashMap<>();
  /**
   * Repeated strings (node, function, address, protocol) as one instance each: every message brings new String
   * objects, and the fold compares and hashes these once per event; with one instance, identity decides.
   */
  private final Map<String, String> strings = new HashMap<>();

  private static final com.google.protobuf.Parser<GetEventsResponse> PARSER =
      com.google.protobuf.DiscardUnknownFieldsParser.wrap(GetEventsResponse.parser());

  /** A message's bytes as the subset's message; the fields the subset does not declare are dropped, not kept. */
  static GetEventsResponse parse(byte[] message) throws com.google.protobuf.InvalidProtocolBufferException {
    return PARSER.parseFrom(message);
  }

  /** The event, or null for one this layer does not use (other types, a kprobe without a socket). */
  Event read(GetEventsResponse r) {
    String node = intern(r.getNodeName());
    Instant time = r.hasTime() ? Instant.ofEpochSecond(r.getTime().getSeconds(), r.getTime().getNanos()) : Instant.EPOCH;
    return switch (r.getEventCase()) {
      case PROCESS_EXEC -> {
        var x = r.getProcessExec();
        yield x.hasProcess() ? new Event.Exec(node, time, proc(x.getProcess()), parent(x.hasParent(), x.getParent())) : null;
      }
      case PROCESS_EXIT -> r.getProcessExit().hasProcess() ? new Event.Exit(node, time, proc(r.getProcessExit().getProcess())) : null;
      case PROCESS_KPROBE -> kprobe(node, time, r.getProcessKprobe());
      case RATE_LIMIT_INFO -> new Event.Gap(node, time, Event.Gap.rateLimit(r.getRateLimitInfo().getNumberOfDroppedProcessEvents()));
      case PROCESS_THROTTLE -> {
        var t = r.getProcessThrottle();
        String what = Event.Gap.throttle(t.getType().name(), t.getCgroup());
        yield what == null ? null : new Event.Gap(node, time, what);
      }
      case EVENT_NOT_SET -> null;
    };
  }

  /** The first socket argument with a destination wins, as in the export reader. */
  private Event kprobe(String node, Instant time, ProcessKprobe k) {
    if (!k.hasProcess()) return null;
    for (KprobeArgument a : k.getArgsList()) {
      if (a.hasSockArg() && !a.getSockArg().getDaddr().isEmpty()) {
        var s = a.getSockArg();
        if (s.getDport() > 65535) return null;
        return new Event.Connect(node, time, proc(k.getProcess()), parent(k.hasParent(), k.getParent()),
            intern(k.getFunctionName()), intern(s.getDaddr()), s.getDport(), intern(s.getProtocol()));
      }
      if (a.hasSockaddrArg() && !a.getSockaddrArg().getAddr().isEmpty()) {
        var s = a.getSockaddrArg();
        if (s.getPort() > 65535) return null;
        return new Event.Connect(node, time, proc(k.getProcess()), parent(k.hasParent(), k.getParent()),
            intern(k.getFunctionName()), intern(s.getAddr()), s.getPort(), "");
      }
    }
    return null;
  }

  private String intern(String s) {
    String kept = strings.putIfAbsent(s, s);
    if (kept != null) return kept;
    if (strings.size() > 1 << 14) strings.clear();
    return s;
  }

  private Optional<Proc> parent(boolean present, dev.wraith.tetragon.api.Process p) {
    return present && !p.getExecId().isEmpty() ? Optional.of(proc(p)) : Optional.empty();
  }

  private Proc proc(dev.wraith.tetragon.api.Process p) {
    String id = p.getExecId();
    Proc cached = id.isEmpty() ? null : procs.get(id);
    int richness = (p.hasPod() ? 2 : 0) + (p.getCwd().isEmpty() ? 0 : 1);
    if (cached != null && richness <= cached.richness()) return cached;
    boolean initTree = p.hasInInitTree() && p.getInInitTree().getValue();
    Proc fresh;
    if (cached != null && !cached.cwd().isEmpty() && cached.pod().isEmpty()) {
      fresh = cached.withPod(pod(p.getPod()), initTree); // the pod arrived late, as the export reader handles it
    } else {
      fresh = Proc.of(id, p.getParentExecId(), p.hasPid() ? p.getPid().getValue() & 0xffffffffL : -1,
          p.hasUid() ? p.getUid().getValue() & 0xffffffffL : -1, p.getCwd(), p.getBinary(), p.getArguments(),
          p.hasStartTime() ? Instant.ofEpochSecond(p.getStartTime().getSeconds(), p.getStartTime().getNanos()) : null,
          initTree, p.hasPod() ? Optional.of(pod(p.getPod())) : Optional.empty());
    }
    if (!id.isEmpty()) {
      if (procs.size() >= JsonEventReader.CACHED_PROCESSES) procs.clear();
      procs.put(id, fresh);
    }
    return fresh;
  }

  private static PodRef pod(dev.wraith.tetragon.api.Pod p) {
    var c = p.getContainer();
    return Proc.podRef(p.getNamespace(), p.getName(), p.getUid(), c.getName(), c.getId(), c.getImage().getName(),
        p.getWorkload(), p.getWorkloadKind(), c.hasPid() ? c.getPid().getValue() & 0xffffffffL : -1, c.getMaybeExecProbe());
  }
}
