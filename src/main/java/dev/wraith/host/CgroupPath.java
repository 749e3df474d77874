package dev.wraith.host;

import dev.wraith.model.ContainerRef;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Kubernetes pod and container out of /proc/PID/cgroup, for containerd, CRI-O and Docker, cgroup
 * v1 and v2, systemd and cgroupfs drivers. Paths are relative to the reader's cgroup namespace and a
 * kind/minikube node nests kubepods under its own container, so the pod is matched anywhere in the path
 * (the last match wins) rather than anchored at "/kubepods".
 */
final class CgroupPath {
  private static final Pattern POD = Pattern.compile(
      "pod([0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12})(?:\\.slice)?(?=/|$|:)");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  private CgroupPath() {}

  /** The container of the first line whose path names a pod; empty for node processes. */
  static Optional<ContainerRef> parse(String cgroupFile) {
    Optional<ContainerRef> podOnly = Optional.empty();
    for (String line : cgroupFile.split("\n", -1)) {
      int second = line.indexOf(':', line.indexOf(':') + 1);
      if (second < 0) continue;
      Optional<ContainerRef> ref = parsePath(line.substring(second + 1).trim());
      if (ref.isPresent() && !ref.get().containerId().isEmpty()) return ref;
      if (ref.isPresent() && podOnly.isEmpty()) podOnly = ref;
    }
    return podOnly;
  }

  static Optional<ContainerRef> parsePath(String path) {
    Matcher m = POD.matcher(path);
    int end = -1;
    String uid = null;
    while (m.find()) {
      uid = m.group(1).replace('_', '-');
      end = m.end();
    }
    if (uid == null) return Optional.empty();
    String head = path.substring(0, end);
    int k = head.lastIndexOf("kubepods");
    String driver = head.substring(Math.max(k, 0)).contains(".slice") ? "systemd" : "cgroupfs";
    String rest = path.substring(end);
    String leaf = rest.isEmpty() ? "" : rest.substring(rest.lastIndexOf('/') + 1);
    return Optional.of(new ContainerRef(uid, containerId(leaf), runtime(leaf), qos(head), driver));
  }

  /** The leaf with its runtime prefix and ".scope" removed, if that is 64 hex digits; conmon scopes are not containers. */
  private static String containerId(String leaf) {
    if (leaf.contains("conmon")) return "";
    String id = leaf.substring(leaf.lastIndexOf(':') + 1);
    if (id.endsWith(".scope")) id = id.substring(0, id.length() - ".scope".length());
    id = id.substring(id.lastIndexOf('-') + 1);
    return HEX64.matcher(id).matches() ? id : "";
  }

  private static String runtime(String leaf) {
    if (leaf.contains("cri-containerd")) return "containerd";
    if (leaf.contains("crio")) return "cri-o";
    if (leaf.contains("docker")) return "docker";
    return "";
  }

  private static String qos(String head) {
    String tail = head.substring(Math.max(head.lastIndexOf("kubepods"), 0));
    if (tail.contains("besteffort")) return "besteffort";
    if (tail.contains("burstable")) return "burstable";
    return "guaranteed";
  }
}
