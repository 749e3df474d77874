package dev.wraith.cluster;

import dev.wraith.model.ClusterScan;
import dev.wraith.model.ContainerDecl;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces a pod to the identity correlation needs to place a host process: namespace, name, UID, node, the top
 * of its owner chain, and each container's runtime id (from the pod status) and image.
 */
final class PodIndex {
  private PodIndex() {}

  static ClusterScan.RunningPod entry(Pod pod, String namespace, String workloadKind, String workloadName) {
    var meta = pod.getMetadata();
    var spec = pod.getSpec();
    Map<String, String> images = new HashMap<>();
    Map<String, ContainerDecl.Kind> kinds = new HashMap<>();
    List<String> order = new ArrayList<>();
    addSpec(spec.getInitContainers(), images, order);
    addSpec(spec.getContainers(), images, order);
    if (spec.getInitContainers() != null) for (var c : spec.getInitContainers()) kinds.put(c.getName(), ContainerDecl.Kind.INIT);
    if (spec.getEphemeralContainers() != null) {
      for (var c : spec.getEphemeralContainers()) {
        add(c.getName(), c.getImage(), images, order);
        kinds.put(c.getName(), ContainerDecl.Kind.EPHEMERAL);
      }
    }
    Map<String, String> ids = new HashMap<>();
    if (pod.getStatus() != null) {
      statuses(pod.getStatus().getInitContainerStatuses(), ids, images, order);
      statuses(pod.getStatus().getContainerStatuses(), ids, images, order);
      statuses(pod.getStatus().getEphemeralContainerStatuses(), ids, images, order);
      if (pod.getStatus().getEphemeralContainerStatuses() != null) {
        for (ContainerStatus st : pod.getStatus().getEphemeralContainerStatuses()) kinds.put(st.getName(), ContainerDecl.Kind.EPHEMERAL);
      }
    }
    List<ClusterScan.RunningContainer> containers = new ArrayList<>();
    for (String name : order) containers.add(new ClusterScan.RunningContainer(name, ids.getOrDefault(name, ""), images.get(name),
        kinds.getOrDefault(name, ContainerDecl.Kind.CONTAINER)));
    return new ClusterScan.RunningPod(namespace, nullToEmpty(meta.getName()), nullToEmpty(meta.getUid()),
        nullToEmpty(spec.getNodeName()), workloadKind, workloadName, containers, List.of(), ips(pod));
  }

  /**
   * status.podIPs, else status.podIP; none for a hostNetwork pod, whose address is its node's and names no workload.
   */
  static List<String> ips(Pod pod) {
    var status = pod.getStatus();
    if (status == null || Boolean.TRUE.equals(pod.getSpec().getHostNetwork())) return List.of();
    List<String> out = new ArrayList<>();
    if (status.getPodIPs() != null) {
      for (var ip : status.getPodIPs()) if (ip != null && ip.getIp() != null && !ip.getIp().isEmpty()) out.add(ip.getIp());
    }
    if (out.isEmpty() && status.getPodIP() != null && !status.getPodIP().isEmpty()) out.add(status.getPodIP());
    return out.stream().distinct().toList();
  }

  /** "containerd://abc" → "abc"; an id without a runtime prefix is kept as it is. */
  static String stripRuntime(String containerId) {
    int i = containerId.indexOf("://");
    return i < 0 ? containerId : containerId.substring(i + 3);
  }

  private static void addSpec(List<io.fabric8.kubernetes.api.model.Container> list, Map<String, String> images,
      List<String> order) {
    if (list == null) return;
    for (var c : list) add(c.getName(), c.getImage(), images, order);
  }

  private static void add(String name, String image, Map<String, String> images, List<String> order) {
    if (name == null || images.containsKey(name)) return;
    images.put(name, nullToEmpty(image));
    order.add(name);
  }

  private static void statuses(List<ContainerStatus> list, Map<String, String> ids, Map<String, String> images,
      List<String> order) {
    if (list == null) return;
    for (ContainerStatus s : list) {
      if (s.getName() == null) continue;
      add(s.getName(), s.getImage(), images, order);
      if (images.get(s.getName()).isEmpty() && s.getImage() != null) images.put(s.getName(), s.getImage());
      if (s.getContainerID() != null && !s.getContainerID().isEmpty()) ids.put(s.getName(), stripRuntime(s.getContainerID()));
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
