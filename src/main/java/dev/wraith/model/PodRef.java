package dev.wraith.model;

/**
 * The pod and container Tetragon attributed a process to.
 *
 * @param containerId the container id without its runtime prefix ("containerd://")
 * @param runtime the prefix's runtime ("containerd", "cri-o", "docker") or ""
 * @param containerPid the pid inside the container's PID namespace, 0 when absent
 * @param maybeExecProbe Tetragon's mark for a liveness/readiness exec probe command
 */
public record PodRef(String namespace, String name, String uid, String container, String containerId, String runtime,
    String image, String workload, String workloadKind, int containerPid, boolean maybeExecProbe) {}
