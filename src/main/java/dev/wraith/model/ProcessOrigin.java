package dev.wraith.model;

import java.util.Locale;

/** Where a process comes from, which is what tells a workload from a ghost. */
public enum ProcessOrigin {
  /** In a container, descended from the container's init process: the workload itself. */
  CONTAINER,
  /** In a container, but its ancestry leaves the container without passing through its init: kubectl exec, crictl exec, nsenter. */
  EXEC,
  /** Outside every container: a script or service on the node itself. */
  NODE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
