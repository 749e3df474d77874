package dev.wraith.model;

/**
 * The Kubernetes container a process runs in, as read from its cgroup path. Empty strings mean "not in the
 * path" (a cgroupfs Guaranteed pod has no QoS segment name; a pod-level cgroup has no container id).
 *
 * @param podUid the pod UID with dashes (systemd escapes them as '_' in slice names; restored here)
 * @param containerId the 64-hex container id without runtime prefix
 * @param runtime containerd, cri-o, docker or "" when the path does not say (cgroupfs driver with containerd)
 * @param qos besteffort, burstable or guaranteed
 * @param driver systemd or cgroupfs (the kubelet cgroup driver that produced the path)
 */
public record ContainerRef(String podUid, String containerId, String runtime, String qos, String driver) {
  public ContainerRef {
    if (podUid == null || containerId == null || runtime == null || qos == null || driver == null) {
      throw new NullPointerException("container fields are never null");
    }
  }
}
