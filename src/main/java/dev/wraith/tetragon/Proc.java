package dev.wraith.tetragon;

import dev.wraith.model.PodRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One process as a Tetragon event describes it. Identity is {@code execId} (unique cluster-wide over time).
 * Both readers (JSON export and gRPC) build it, and its pod, through {@link #of} and {@link #podRef}, so the same
 * process reads the same.
 *
 * @param argv binary then the arguments split on whitespace, raw: the collector redacts them before anything leaves
 *     the layer ({@link TetragonCollector})
 * @param startTime RFC 3339 in protojson's form (UTC, 0, 3, 6 or 9 fraction digits), "" when absent
 * @param inInitTree true only when the event said so: protojson omits false, so absent means false
 * @param pod empty for node processes
 */
public record Proc(String execId, String parentExecId, int pid, int uid, String cwd, String binary, List<String> argv,
    String startTime, boolean inInitTree, Optional<PodRef> pod) {
  public Proc {
    argv = List.copyOf(argv);
  }

  /** From the event's fields; null strings are the proto default "", negative numbers (absent) are 0. */
  static Proc of(String execId, String parentExecId, long pid, long uid, String cwd, String binary, String arguments,
      java.time.Instant startTime, boolean inInitTree, Optional<PodRef> pod) {
    String bin = str(binary);
    List<String> raw = new ArrayList<>();
    raw.add(bin);
    // Tetragon joins argv with spaces; an argument that contained a space cannot be told apart
    for (String a : str(arguments).split(" ", -1)) if (!a.isEmpty()) raw.add(a);
    return new Proc(str(execId), str(parentExecId), (int) Math.max(pid, 0), (int) Math.max(uid, 0), str(cwd), bin,
        raw, startTime == null ? "" : Rfc3339.format(startTime), inInitTree, pod);
  }

  /**
   * The same process, now known to run in a pod (Tetragon's pod lookup can lag a process's first events); the
   * init-tree flag comes with the pod, the rest of a process never changes.
   */
  Proc withPod(PodRef p, boolean initTree) {
    return new Proc(execId, parentExecId, pid, uid, cwd, binary, argv, startTime, initTree, Optional.of(p));
  }

  /** How much a description says: a pod beats no pod, a full process beats a parent stub (exec_id, pid, binary). */
  int richness() {
    return (pod.isPresent() ? 2 : 0) + (cwd.isEmpty() ? 0 : 1);
  }

  /** The description to keep of two for the same exec_id: the fresh one only when it says more. */
  static Proc richer(Proc kept, Proc fresh) {
    return kept != null && fresh.richness() <= kept.richness() ? kept : fresh;
  }

  /** From the event's fields; null strings are "", {@code containerId} still has its runtime prefix. */
  static PodRef podRef(String namespace, String name, String uid, String container, String containerId, String image,
      String workload, String workloadKind, long containerPid, boolean maybeExecProbe) {
    String id = str(containerId);
    int sep = id.indexOf("://");
    return new PodRef(str(namespace), str(name), str(uid), str(container),
        sep < 0 ? id : id.substring(sep + 3), sep < 0 ? "" : id.substring(0, sep), str(image), str(workload),
        str(workloadKind), (int) Math.max(containerPid, 0), maybeExecProbe);
  }

  static String str(String s) {
    return s == null ? "" : s;
  }
}
