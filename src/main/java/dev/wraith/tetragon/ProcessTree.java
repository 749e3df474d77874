package dev.wraith.tetragon;

import dev.wraith.model.PodRef;
import dev.wraith.model.ProcessOrigin;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Processes by exec_id, from every exec, exit and connect event and their parents. exec_id embeds the node
 * name, so one map serves every node. Of two descriptions of a process the richer is kept (a pod beats none,
 * a full process beats a parent stub).
 *
 * <p>Bounded: beyond {@code max} processes the tree forgets, first, processes that exited and, then, the
 * oldest, but never a process that made an AI connection ({@link #keep}) nor its ancestors, which name its
 * launcher.
 */
final class ProcessTree {
  /** Bounds an ancestry walk: exec chains are short, and a corrupt stream must not loop. */
  private static final int MAX_DEPTH = 64;

  private static final class Node {
    Proc proc;
    boolean exited;
    boolean kept;

    Node(Proc proc) {
      this.proc = proc;
    }
  }

  private final int max;
  private final Map<String, Node> byExecId = new LinkedHashMap<>();
  private long forgotten;
  /** The size that triggers the next sweep: above max when kept chains alone fill the tree. */
  private int sweepAt;

  ProcessTree(int max) {
    this.max = max;
    this.sweepAt = max;
  }

  /** Adds or improves a process. */
  void add(Proc p) {
    if (p.execId().isEmpty()) return;
    Node n = byExecId.get(p.execId());
    if (n == null) {
      byExecId.put(p.execId(), new Node(p));
      if (byExecId.size() > sweepAt) forget();
    } else {
      n.proc = Proc.richer(n.proc, p);
    }
  }

  void exited(Proc p) {
    Node n = byExecId.get(p.execId());
    if (n != null) n.exited = true;
  }

  /** Never forget p: it made an AI connection. */
  void keep(Proc p) {
    Node n = byExecId.get(p.execId());
    if (n != null) n.kept = true;
  }

  int size() {
    return byExecId.size();
  }

  /** Processes dropped to stay within the bound. */
  long forgotten() {
    return forgotten;
  }

  Optional<Proc> get(String execId) {
    Node n = byExecId.get(execId);
    return n == null ? Optional.empty() : Optional.of(n.proc);
  }

  /**
   * A process without a pod runs on the node; one in a pod is the workload when Tetragon put it in the
   * container's init tree, and exec'd (kubectl exec, nsenter, or a probe) otherwise.
   */
  static ProcessOrigin origin(Proc p) {
    if (p.pod().isEmpty()) return ProcessOrigin.NODE;
    return p.inInitTree() ? ProcessOrigin.CONTAINER : ProcessOrigin.EXEC;
  }

  /**
   * For an exec'd process, the binary that brought it into the container (runc, containerd-shim, nsenter):
   * the first ancestor outside the process's container. "" when the chain is not in the stream.
   */
  String launcher(Proc p) {
    String container = p.pod().map(PodRef::containerId).orElse("");
    Proc cur = p;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      Node parent = byExecId.get(cur.parentExecId());
      if (parent == null) return "";
      boolean inside = parent.proc.pod().map(PodRef::containerId).orElse("").equals(container) && !parent.proc.inInitTree();
      if (!inside || container.isEmpty()) return base(parent.proc.binary());
      cur = parent.proc;
    }
    return "";
  }

  /** Down to three quarters of the bound: exited processes first, then the oldest; kept chains stay. */
  private void forget() {
    Set<String> needed = new HashSet<>();
    for (Map.Entry<String, Node> e : byExecId.entrySet()) {
      if (!e.getValue().kept) continue;
      String id = e.getKey();
      for (int depth = 0; depth < MAX_DEPTH && id != null && needed.add(id); depth++) {
        Node n = byExecId.get(id);
        id = n == null ? null : n.proc.parentExecId();
      }
    }
    int target = max - max / 4;
    for (int pass = 0; pass < 2 && byExecId.size() > target; pass++) {
      for (Iterator<Map.Entry<String, Node>> it = byExecId.entrySet().iterator(); it.hasNext() && byExecId.size() > target; ) {
        Map.Entry<String, Node> e = it.next();
        if (needed.contains(e.getKey()) || (pass == 0 && !e.getValue().exited)) continue;
        it.remove();
        forgotten++;
      }
    }
    sweepAt = Math.max(max, byExecId.size() + max / 4);
  }

  private static String base(String binary) {
    return binary.substring(binary.lastIndexOf('/') + 1);
  }
}
