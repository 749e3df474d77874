package dev.wraith.tetragon;

/**
 * The pod and container Tetragon attributed a process to.
 *
 * @param containerId the container id without its runtime prefix ("containerd://")
 * @param runtime the prefix's runtime ("containerd", "cri-o", "docker") or ""
 * @param containerPid the pid inside the container's PID namespace, 0 when absent
 * @param maybeExecProbe Tetragon's mark for a liveness/readiness exec probe command
 */
public record PodRef(String namespace, String name, String uid, String container, String containerId, String runtime,
    String image, String workload, String workloadKind, int containerPid, boolean maybeExecProbe) {

  /** From the event's fields; null strings are "", {@code containerId} still has its runtime prefix. */
  static PodRef of(String namespace, String name, String uid, String container, String containerId, String image,
      String workload, String workloadKind, long containerPid, boolean maybeExecProbe) {
    String id = Proc.str(containerId);
    int sep = id.indexOf("://");
    return new PodRef(Proc.str(namespace), Proc.str(name), Proc.str(uid), Proc.str(container),
        sep < 0 ? id : id.substring(sep + 3), sep < 0 ? "" : id.substring(0, sep), Proc.str(image), Proc.str(workload),
        Proc.str(workloadKind), (int) Math.max(containerPid, 0), maybeExecProbe);
  }
}
