package dev.wraith.correlate;

import dev.wraith.model.ClusterScan;
import dev.wraith.model.ClusterScan.RunningPod;
import dev.wraith.model.ContainerDecl;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.InventoryAgent.WorkloadRef;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.Workload;
import dev.wraith.model.PodRef;
import dev.wraith.model.InClusterConnection;
import dev.wraith.model.TetragonScan;
import dev.wraith.model.TetragonSeen;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;

/**
 * Groups runtime observations into subjects by identity and adds the declared-only workloads. Host observations
 * carry a pod UID and container id, placed through the cluster layer's pod index; Tetragon observations name
 * their pod. Exec probes (the kubelet's liveness/readiness commands) are not subjects.
 *
 * <p>With several clusters (pods and workloads labelled by cluster name), a place is in a cluster only when its pod is
 * found in exactly one: a pod UID or a Tetragon namespace/pod name that two clusters share places nothing, and an
 * observation placed in no cluster never resolves an address or joins a workload of any of them.
 */
final class RuntimeSubjects {
  /** Pods by UID and by namespace and name in any cluster (the cluster left empty): a place needs exactly one. */
  private final Map<String, List<RunningPod>> podsByUid = new HashMap<>();
  private final Map<PodName, List<RunningPod>> podsByPlainName = new HashMap<>();
  /** Pods by cluster, namespace and name. */
  private final Map<PodName, RunningPod> podsByName = new HashMap<>();
  private final Map<WorkloadId, Workload> workloads = new HashMap<>();
  private final ClusterDestinations addresses;
  private final boolean severalClusters;

  RuntimeSubjects(Optional<ClusterScan> cluster, dev.wraith.catalogue.Catalogue catalogue) {
    this.addresses = new ClusterDestinations(cluster, catalogue);
    cluster.ifPresent(c -> {
      for (RunningPod p : c.pods()) {
        if (!p.uid().isEmpty()) podsByUid.computeIfAbsent(p.uid(), k -> new ArrayList<>()).add(p);
        podsByPlainName.computeIfAbsent(new PodName("", p.namespace(), p.name()), k -> new ArrayList<>()).add(p);
        podsByName.put(new PodName(p.cluster(), p.namespace(), p.name()), p);
      }
      for (Workload w : c.workloads()) workloads.put(WorkloadId.of(w), w);
    });
    this.severalClusters = cluster.map(c -> c.pods().stream().map(RunningPod::cluster).distinct().count() > 1).orElse(false);
  }

  private static WorkloadRef ref(Workload w, String container) {
    return new WorkloadRef(w.namespace(), w.kind(), w.name(), container, w.cluster());
  }

  private static WorkloadRef ref(RunningPod p, String container) {
    return new WorkloadRef(p.namespace(), p.workloadKind(), p.workloadName(), container, p.cluster());
  }

  private static Optional<RunningPod> one(List<RunningPod> pods) {
    return pods != null && pods.size() == 1 ? Optional.of(pods.get(0)) : Optional.empty();
  }

  /** Every subject, sorted by key. */
  List<RuntimeSubject> build(List<CorrelationInput.NodeHost> hosts, Optional<TetragonScan> tetragon,
      Optional<ClusterScan> cluster) {
    Map<SubjectKey, List<Placed>> byKey = new LinkedHashMap<>();
    for (CorrelationInput.NodeHost h : hosts) {
      for (Observation o : h.scan().observations()) {
        Place place = hostPlace(o.process(), h.node());
        inCluster(place, o).ifPresent(x -> add(byKey, place, new Sighting("host", h.node(), x)));
      }
      for (InClusterConnection c : h.scan().inCluster()) {
        Place place = hostPlace(c.process(), h.node());
        resolved(place, c.ip(), c.port()).map(c::attributed)
            .ifPresent(x -> add(byKey, place, new Sighting("host", h.node(), x)));
      }
    }
    tetragon.ifPresent(t -> {
      for (TetragonSeen<Observation> o : t.observations()) {
        if (o.probe()) continue;
        Place place = tetragonPlace(o.pod(), o.node());
        inCluster(place, o.connection()).ifPresent(x -> add(byKey, place, new Sighting("tetragon", o.node(), x)));
      }
      for (TetragonSeen<InClusterConnection> c : t.inCluster()) {
        if (c.probe()) continue;
        Place place = tetragonPlace(c.pod(), c.node());
        resolved(place, c.connection().ip(), c.connection().port()).map(c.connection()::attributed)
            .ifPresent(x -> add(byKey, place, new Sighting("tetragon", c.node(), x)));
      }
    });
    List<RuntimeSubject> out = new ArrayList<>();
    for (var e : byKey.entrySet()) out.add(subject(e.getKey(), e.getValue()));
    cluster.ifPresent(c -> out.addAll(declaredOnly(c, out)));
    cluster.ifPresent(c -> out.addAll(undeclared(c, out)));
    out.sort(Comparator.comparing(RuntimeSubject::key));
    return out;
  }

  /**
   * An observation as the cluster's address map sees it: a destination attributed by its port alone becomes the
   * in-cluster server the map names (stronger evidence), or is dropped when the map says its workload is not AI. Only
   * the map of the place's own cluster is asked.
   */
  private Optional<Observation> inCluster(Place place, Observation o) {
    if (o.attribution().method() != dev.wraith.model.Attributed.Method.PORT || addresses.isEmpty()) return Optional.of(o);
    ClusterDestinations.Verdict v = addresses.resolve(place.cluster(), o.ip(), o.port());
    if (v instanceof ClusterDestinations.Ai a) return Optional.of(o.withAttribution(a.attribution()));
    return v instanceof ClusterDestinations.NotAi ? Optional.empty() : Optional.of(o);
  }

  /** The AI server the cluster's address map names at this in-cluster address, if any. */
  private Optional<dev.wraith.model.Attributed> resolved(Place place, String ip, int port) {
    return addresses.resolve(place.cluster(), ip, port) instanceof ClusterDestinations.Ai a
        ? Optional.of(a.attribution()) : Optional.empty();
  }

  /** Identity of an observed process at a place: place, origin, entry script or binary with its argument shape. */
  static SubjectKey key(Place place, ProcessOrigin origin, Observation o) {
    SubjectKey.Shape shape = o.entryScript().<SubjectKey.Shape>map(s -> new SubjectKey.Shape.Script(s.path()))
        .orElseGet(() -> SubjectKey.Shape.Program.of(o.process().exe(), o.process().argv()));
    return new SubjectKey.Observed(place.key(), origin, shape);
  }

  private record Placed(Place place, ProcessOrigin origin, Sighting sighting) {}

  private void add(Map<SubjectKey, List<Placed>> byKey, Place place, Sighting s) {
    ProcessOrigin origin = debugContainer(place) ? ProcessOrigin.EXEC : s.observation().origin();
    byKey.computeIfAbsent(key(place, origin, s.observation()), k -> new ArrayList<>()).add(new Placed(place, origin, s));
  }

  /** A container added by kubectl debug: what runs in it was brought in by a person, like an exec. */
  private boolean debugContainer(Place place) {
    RunningPod pod = podsByName.get(new PodName(place.cluster(), place.namespace(), place.pod()));
    if (pod == null) pod = one(podsByUid.get(place.podUid())).orElse(null);
    if (pod == null) return false;
    return pod.containers().stream()
        .anyMatch(c -> c.name().equals(place.container()) && c.kind() == ContainerDecl.Kind.EPHEMERAL);
  }

  private RuntimeSubject subject(SubjectKey key, List<Placed> placed) {
    // the most specific place: one with a workload, an image and a pod name beats one without
    Place place = placed.stream().map(Placed::place)
        .max(Comparator.comparing((Place p) -> p.workload().isPresent()).thenComparing(p -> !p.image().isEmpty())
            .thenComparing(p -> !p.pod().isEmpty()).thenComparing(Place::pod, Comparator.reverseOrder()))
        .orElseThrow();
    List<Sighting> sightings = placed.stream().map(Placed::sighting)
        .sorted(Comparator.comparing(Sighting::layer).thenComparing(s -> s.observation())).toList();
    Observation first = sightings.stream().map(Sighting::observation)
        .min(Comparator.comparingInt((Observation o) -> o.process().pid())).orElseThrow();
    return new RuntimeSubject(key, place, Optional.of(placed.get(0).origin()), Optional.of(first.process()), first.entryScript(),
        sightings, place.workload().flatMap(this::workload), false);
  }

  /** AI workloads in the cluster whose own containers were not seen talking: declared-only subjects. */
  private List<RuntimeSubject> declaredOnly(ClusterScan c, List<RuntimeSubject> observed) {
    List<RuntimeSubject> out = new ArrayList<>();
    for (Workload w : c.workloads()) {
      WorkloadId id = WorkloadId.of(w);
      boolean seen = observed.stream().anyMatch(s -> s.isWorkloadItself() && s.place().workload()
          .filter(r -> WorkloadId.of(r).equals(id)).isPresent());
      if (seen) continue;
      String container = w.ai().stream().map(a -> a.container()).filter(x -> !x.isEmpty()).findFirst()
          .orElse(w.containers().isEmpty() ? "" : w.containers().get(0).name());
      String image = w.containers().stream().filter(x -> x.name().equals(container)).map(x -> x.image()).findFirst().orElse("");
      String pod = w.pods().isEmpty() ? "" : w.pods().get(0);
      RunningPod rp = podsByName.get(new PodName(w.cluster(), w.namespace(), pod));
      Place place = new Place(Optional.of(ref(w, container)), pod,
          rp == null ? "" : rp.uid(), container, image, rp == null ? "" : rp.node());
      out.add(new RuntimeSubject(new SubjectKey.Declared(id), place, Optional.empty(),
          Optional.empty(), Optional.empty(), List.of(), Optional.of(w), false));
    }
    return out;
  }

  /** Running workloads without AI in their spec, one subject per container (see RuntimeSubject#undeclared). */
  private List<RuntimeSubject> undeclared(ClusterScan c, List<RuntimeSubject> known) {
    java.util.Set<WorkloadId> taken = new java.util.HashSet<>();
    for (RuntimeSubject s : known) {
      if (s.isWorkloadItself()) s.place().workload().ifPresent(w -> taken.add(WorkloadId.of(w)));
    }
    Map<SubjectKey, RuntimeSubject> out = new LinkedHashMap<>();
    for (RunningPod p : c.pods()) {
      WorkloadId id = WorkloadId.of(p);
      if (taken.contains(id) || workloads.containsKey(id)) continue;
      for (ClusterScan.RunningContainer rc : p.containers()) {
        if (rc.kind() == ContainerDecl.Kind.EPHEMERAL) continue;
        SubjectKey key = new SubjectKey.Running(id, rc.name());
        Place place = new Place(Optional.of(ref(p, rc.name())), p.name(), p.uid(), rc.name(), rc.image(), p.node());
        out.putIfAbsent(key, new RuntimeSubject(key, place, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
            Optional.empty(), true));
      }
    }
    return List.copyOf(out.values());
  }

  private Place hostPlace(dev.wraith.model.ProcessInfo process, String hostNode) {
    Optional<ContainerRef> ref = process.container();
    if (ref.isEmpty()) return Place.node(hostNode);
    ContainerRef c = ref.get();
    RunningPod pod = one(podsByUid.get(c.podUid())).orElse(null);
    if (pod == null) return new Place(Optional.empty(), "", c.podUid(), c.containerId(), "", hostNode);
    var container = pod.container(c.containerId());
    String name = container.map(ClusterScan.RunningContainer::name).orElse("");
    return new Place(Optional.of(ref(pod, name)),
        pod.name(), pod.uid(), name, container.map(ClusterScan.RunningContainer::image).orElse(""),
        pod.node().isEmpty() ? hostNode : pod.node());
  }

  private Place tetragonPlace(Optional<PodRef> pod, String node) {
    if (pod.isEmpty()) return Place.node(node);
    PodRef p = pod.get();
    List<RunningPod> named = podsByPlainName.getOrDefault(new PodName("", p.namespace(), p.name()), List.of());
    if (severalClusters && !p.uid().isEmpty()) named = named.stream().filter(x -> x.uid().equals(p.uid())).toList();
    RunningPod indexed = one(named).orElse(null);
    String kind = indexed != null ? indexed.workloadKind() : p.workload().isEmpty() ? "Pod" : nonEmpty(p.workloadKind(), "Pod");
    String name = indexed != null ? indexed.workloadName() : p.workload().isEmpty() ? p.name() : p.workload();
    String image = p.image();
    if (image.isEmpty() && indexed != null) {
      image = indexed.containers().stream().filter(c -> c.name().equals(p.container())).map(c -> c.image()).findFirst().orElse("");
    }
    String cluster = indexed != null ? indexed.cluster() : "";
    return new Place(Optional.of(new WorkloadRef(p.namespace(), kind, name, p.container(), cluster)), p.name(), p.uid(),
        p.container(), image, node);
  }

  private Optional<Workload> workload(WorkloadRef r) {
    return Optional.ofNullable(workloads.get(WorkloadId.of(r)));
  }

  private static String nonEmpty(String s, String dflt) {
    return s.isEmpty() ? dflt : s;
  }
}
