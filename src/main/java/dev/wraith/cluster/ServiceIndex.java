package dev.wraith.cluster;

import dev.wraith.model.ClusterScan;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces Services to what names a destination address: cluster IPs, ports and target ports, and the pods behind
 * them, from the Service's EndpointSlices (label {@code kubernetes.io/service-name}) when there are any, else from its
 * selector over the pods read. Headless Services ("None") keep their backends only.
 */
final class ServiceIndex {
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  private ServiceIndex() {}

  static List<ClusterScan.ClusterService> of(List<Service> services, List<EndpointSlice> slices, List<Pod> pods) {
    Map<String, List<ClusterScan.Backend>> bySlice = new HashMap<>();
    for (EndpointSlice s : slices) {
      if (s.getMetadata() == null || s.getEndpoints() == null) continue;
      String service = Lineages.labels(s.getMetadata()).get(SERVICE_NAME_LABEL);
      if (service == null) continue;
      List<ClusterScan.Backend> list = bySlice.computeIfAbsent(ClusterCollector.nsOf(s.getMetadata()) + "/" + service,
          k -> new ArrayList<>());
      for (Endpoint e : s.getEndpoints()) {
        String pod = e.getTargetRef() != null && "Pod".equals(e.getTargetRef().getKind()) && e.getTargetRef().getName() != null
            ? e.getTargetRef().getName() : "";
        if (e.getAddresses() != null) for (String ip : e.getAddresses()) if (ip != null) list.add(new ClusterScan.Backend(ip, pod));
      }
    }
    List<ClusterScan.ClusterService> out = new ArrayList<>();
    for (Service s : services) {
      if (s.getMetadata() == null || s.getMetadata().getName() == null || s.getSpec() == null) continue;
      String ns = ClusterCollector.nsOf(s.getMetadata());
      List<ClusterScan.Backend> backends = bySlice.get(ns + "/" + s.getMetadata().getName());
      if (backends == null) backends = selected(ns, s.getSpec().getSelector(), pods);
      out.add(new ClusterScan.ClusterService(ns, s.getMetadata().getName(), clusterIps(s), ports(s), backends));
    }
    return out;
  }

  private static List<String> clusterIps(Service s) {
    List<String> ips = new ArrayList<>();
    if (s.getSpec().getClusterIPs() != null) ips.addAll(s.getSpec().getClusterIPs());
    if (ips.isEmpty() && s.getSpec().getClusterIP() != null) ips.add(s.getSpec().getClusterIP());
    return ips.stream().filter(ip -> ip != null && !ip.isEmpty() && !ip.equals("None")).distinct().toList();
  }

  private static List<ClusterScan.ServicePort> ports(Service s) {
    List<ClusterScan.ServicePort> out = new ArrayList<>();
    if (s.getSpec().getPorts() == null) return out;
    for (var p : s.getSpec().getPorts()) {
      if (p.getPort() == null) continue;
      out.add(new ClusterScan.ServicePort(p.getPort(), target(p.getTargetPort())));
    }
    return out;
  }

  private static String target(IntOrString t) {
    if (t == null) return "";
    if (t.getIntVal() != null) return String.valueOf(t.getIntVal());
    return t.getStrVal() == null ? "" : t.getStrVal();
  }

  /** The pods of the namespace whose labels hold every selector pair; none for a Service without a selector. */
  private static List<ClusterScan.Backend> selected(String ns, Map<String, String> selector, List<Pod> pods) {
    List<ClusterScan.Backend> out = new ArrayList<>();
    if (selector == null || selector.isEmpty()) return out;
    for (Pod p : pods) {
      if (p.getMetadata() == null || p.getSpec() == null || !ns.equals(ClusterCollector.nsOf(p.getMetadata()))) continue;
      if (!Lineages.labels(p.getMetadata()).entrySet().containsAll(selector.entrySet())) continue;
      List<String> ips = PodIndex.ips(p);
      String name = p.getMetadata().getName() == null ? "" : p.getMetadata().getName();
      if (ips.isEmpty()) out.add(new ClusterScan.Backend("", name));
      for (String ip : ips) out.add(new ClusterScan.Backend(ip, name));
    }
    return out;
  }
}
