package dev.wraith.correlate;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Provider;
import dev.wraith.model.Attributed;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.ClusterScan.ClusterService;
import dev.wraith.model.ClusterScan.RunningPod;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's own address map: a destination address is a Service ClusterIP, an EndpointSlice address or a pod IP,
 * and through it a workload. A workload that runs a catalogue gateway, model server or vector database is the
 * destination, attributed by {@link Attributed.Method#CLUSTER_ADDRESS} with the workload as its host
 * ("ai-platform/litellm"). The images decide when the pods behind the address are known (a wiki on LiteLLM's port is
 * a wiki); only a Service whose pods the cluster layer did not see is named by a port one server alone claims. Any
 * other workload the map names is not AI. Pure.
 *
 * <p>Addresses are per cluster (10.96.0.10 is a different Service in every cluster): a destination is looked up only in
 * the map of the cluster the connecting process runs in, and a process placed in no cluster of a multi-cluster scan finds
 * nothing.
 */
final class ClusterDestinations {
  /** What the map says about one destination. */
  sealed interface Verdict permits Ai, NotAi, Unknown {}

  record Ai(Attributed attribution) implements Verdict {}

  /** The address is this workload's, and it runs nothing the catalogue knows. */
  record NotAi(String workload) implements Verdict {}

  /** The address is not in the cluster layer's view. */
  record Unknown() implements Verdict {}

  /** What an address leads to: a Service (with the port it was reached on) or a pod. */
  private record Target(Optional<ClusterService> service, Optional<RunningPod> pod) {}

  private final Catalogue catalogue;
  private final Map<Integer, Provider> distinctivePorts;
  /** An address in a cluster ("" for the unnamed one), written as {@link #normalise} writes it. */
  private record Address(String cluster, String ip) {}

  private final Map<Address, List<Target>> byIp = new HashMap<>();
  private final Map<PodName, RunningPod> podsByName = new HashMap<>();

  ClusterDestinations(Optional<ClusterScan> cluster, Catalogue catalogue) {
    this.catalogue = catalogue;
    this.distinctivePorts = catalogue.distinctiveServerPorts();
    cluster.ifPresent(this::index);
  }

  boolean isEmpty() {
    return byIp.isEmpty();
  }

  /**
   * The verdict for a connection from a process in {@code cluster} ("" for the unnamed one) to {@code ip}:{@code port};
   * a Service is tried before the pods behind it.
   */
  Verdict resolve(String cluster, String ip, int port) {
    List<Target> targets = byIp.get(new Address(cluster, normalise(ip)));
    if (targets == null) return new Unknown();
    Verdict best = new Unknown();
    for (Target t : targets) {
      Verdict v = t.service().isPresent() ? service(t.service().get(), port) : pod(t.pod().orElseThrow(), port);
      if (v instanceof Ai) return v;
      if (best instanceof Unknown) best = v;
    }
    return best;
  }

  private void index(ClusterScan c) {
    for (RunningPod p : c.pods()) {
      podsByName.put(new PodName(p.cluster(), p.namespace(), p.name()), p);
      for (String ip : p.ips()) add(p.cluster(), ip, new Target(Optional.empty(), Optional.of(p)));
    }
    for (ClusterService s : c.services()) {
      for (String ip : s.clusterIps()) add(s.cluster(), ip, new Target(Optional.of(s), Optional.empty()));
      for (ClusterScan.Backend b : s.backends()) {
        RunningPod p = podsByName.get(new PodName(s.cluster(), s.namespace(), b.pod()));
        // an EndpointSlice address of a pod the pod list did not give an IP (or not read at all)
        if (!b.ip().isEmpty() && p != null && !p.ips().contains(b.ip())) {
          add(s.cluster(), b.ip(), new Target(Optional.empty(), Optional.of(p)));
        }
      }
    }
  }

  private void add(String cluster, String ip, Target t) {
    byIp.computeIfAbsent(new Address(cluster, normalise(ip)), k -> new ArrayList<>()).add(t);
  }

  private Verdict service(ClusterService s, int port) {
    Optional<ClusterScan.ServicePort> sp = s.ports().stream().filter(p -> p.port() == port).findFirst();
    if (!s.ports().isEmpty() && sp.isEmpty()) return new Unknown();
    int target = sp.map(p -> number(p.targetPort(), port)).orElse(port);
    String name = new PodName(s.cluster(), s.namespace(), s.name()).text();
    boolean seen = false;
    for (ClusterScan.Backend b : s.backends()) {
      RunningPod p = podsByName.get(new PodName(s.cluster(), s.namespace(), b.pod()));
      if (p == null) continue;
      seen = true;
      Optional<Provider> byImage = byImage(p, target);
      if (byImage.isPresent()) return ai(byImage.get(), name);
    }
    if (seen) return new NotAi(name);
    Provider byPort = distinctivePorts.getOrDefault(port, distinctivePorts.get(target));
    return byPort != null ? ai(byPort, name) : new NotAi(name);
  }

  private Verdict pod(RunningPod p, int port) {
    String name = new PodName(p.cluster(), p.namespace(), p.workloadName().isEmpty() ? p.name() : p.workloadName()).text();
    return byImage(p, port).map(server -> ai(server, name)).orElseGet(() -> new NotAi(name));
  }

  /** A catalogue server among the pod's images; one that also claims the port comes first (sidecars claim none). */
  private Optional<Provider> byImage(RunningPod p, int port) {
    Optional<Provider> any = Optional.empty();
    for (ClusterScan.RunningContainer c : p.containers()) {
      Optional<Provider> m = catalogue.serverForImage(c.image());
      if (m.isEmpty()) continue;
      if (m.get().ports().contains(port)) return m;
      if (any.isEmpty()) any = m;
    }
    return any;
  }

  private static Verdict ai(Provider p, String workload) {
    return new Ai(new Attributed(p.id(), workload, Attributed.Method.CLUSTER_ADDRESS));
  }

  private static int number(String targetPort, int dflt) {
    return targetPort.matches("[0-9]{1,5}") ? Integer.parseInt(targetPort) : dflt;
  }

  /** One text per address ("fd00::1" and "fd00:0:0:0:0:0:0:1" alike); literals only, so no lookup happens. */
  static String normalise(String ip) {
    if (!ip.matches("[0-9a-fA-F:.]+") || ip.indexOf(':') < 0) return ip;
    try {
      return InetAddress.getByName(ip).getHostAddress();
    } catch (UnknownHostException e) {
      return ip;
    }
  }
}
