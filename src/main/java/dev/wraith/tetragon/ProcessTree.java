package dev.wraith.tetragon;

import dev.wraith.model.ProcessOrigin;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Processes by exec_id, from every exec, exit and connect event and their parents. exec_id embeds the node
 * name, so one map serves every node. The last description of a process wins; Tetragon repeats the same
 * process in every event, so any one is complete.
 */
final class ProcessTree {
  /** Bounds an ancestry walk: exec chains are short, and a corrupt stream must not loop. */
  private static final int MAX_DEPTH = 64;
  private final Map<String, Proc> byExecId = new HashMap<>();

  void add(Proc p) {
    if (!p.execId().isEmpty()) byExecId.put(p.execId(), p);
  }

  int size() {
    return byExecId.size();
  }

  Optional<Proc> get(String execId) {
    return Optional.ofNullable(byExecId.get(execId));
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
      Proc parent = byExecId.get(cur.parentExecId());
      if (parent == null) return "";
      boolean inside = parent.pod().map(PodRef::containerId).orElse("").equals(container) && !parent.inInitTree();
      if (!inside || container.isEmpty()) return base(parent.binary());
      cur = parent;
    }
    return "";
  }

  private static String base(String binary) {
    return binary.substring(binary.lastIndexOf('/') + 1);
  }
}
