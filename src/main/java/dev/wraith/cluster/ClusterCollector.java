package dev.wraith.cluster;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.ContainerDecl;
import dev.wraith.model.ExecSession;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ReachReason;
import dev.wraith.model.Workload;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the cluster layer's result from a {@link KubeApi} and audit-log sessions: pods are rolled up their
 * controller chain (Pod → ReplicaSet → Deployment, Pod → Job → CronJob, ...) to one workload each; a workload
 * is reported when its pod spec declares AI use. Each resource that cannot be read is one warning and makes
 * the layer partial; if pods cannot be read the layer failed.
 */
public final class ClusterCollector {
  private static final Set<String> BUILTIN_OWNERS = Set.of("ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job",
      "CronJob", "Node", "ReplicationController");
  /** What the report loses when a resource cannot be read, so a warning says why it matters. */
  private static final Map<String, String> CONSEQUENCES = Map.of(
      "roles", "reach analysis incomplete", "rolebindings", "reach analysis incomplete",
      "clusterroles", "reach analysis incomplete", "clusterrolebindings", "reach analysis incomplete",
      "serviceaccounts", "token automount taken from pod specs only",
      "endpointslices", "Service backends taken from selectors only");
  private static final Pattern EPHEMERAL_FIELD = Pattern.compile("spec\\.ephemeralContainers\\{(.+)}");

  private final Catalogue catalogue;
  private final dev.wraith.redact.Redactor redactor;

  public ClusterCollector(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.redactor = dev.wraith.redact.Redactor.of(catalogue);
  }

  public ClusterScan collect(KubeApi api, AuditLogReader.Result audit) {
    List<String> warnings = new ArrayList<>(api.warnings());
    warnings.addAll(audit.warnings());
    Fetch<Pod> podFetch = api.objects(Pod.class);
    if (podFetch instanceof Fetch.Failed<Pod> f) {
      return new ClusterScan(api.sources(), List.of(), audit.sessions(),
          LayerStatus.failed("cluster", "cannot list pods: " + f.reason().id() + ": " + f.detail()),
          new ClusterScan.Stats(0, 0, 0, api.secretsIgnored(), audit.events()));
    }
    Owners owners = new Owners();
    for (String kind : KubeApi.WORKLOAD_KINDS) owners.addAll(kind, read("workloads/" + kind, api.workloads(kind), warnings));
    List<Service> services = read("services", api.objects(Service.class), warnings);
    var slices = read("endpointslices", api.objects(EndpointSlice.class), warnings);
    List<Event> events = read("events", api.objects(Event.class), warnings);
    Fetch<ServiceAccount> accountFetch = api.objects(ServiceAccount.class);
    Map<String, ServiceAccount> accounts = new HashMap<>();
    for (ServiceAccount sa : read("serviceaccounts", accountFetch, warnings)) {
      accounts.put(nsOf(sa.getMetadata()) + "/" + sa.getMetadata().getName(), sa);
    }
    boolean accountsReadable = accountFetch instanceof Fetch.Ok<ServiceAccount>;
    RbacReach rbac = new RbacReach(read("roles", api.objects(Role.class), warnings),
        read("clusterroles", api.objects(ClusterRole.class), warnings),
        read("rolebindings", api.objects(RoleBinding.class), warnings),
        read("clusterrolebindings", api.objects(ClusterRoleBinding.class), warnings));
    Map<String, Map<String, ConfigMapKeys>> configMaps = new HashMap<>();
    for (ConfigMapKeys cm : read("configmaps", api.configMaps(), warnings)) {
      configMaps.computeIfAbsent(cm.namespace(), k -> new HashMap<>()).put(cm.name(), cm);
    }
    List<ExecSession> sessions = new ArrayList<>(audit.sessions());
    List<Pod> pods = ((Fetch.Ok<Pod>) podFetch).items();
    Map<String, WorkloadBuilder> builders = new TreeMap<>();
    List<ClusterScan.RunningPod> index = new ArrayList<>();
    PodSpecReader reader = new PodSpecReader(catalogue);
    Lineages lineages = new Lineages(catalogue.lineage());
    for (Pod pod : pods) {
      if (pod.getMetadata() == null || pod.getSpec() == null) continue;
      String ns = nsOf(pod.getMetadata());
      Owners.Top top = owners.top(pod);
      WorkloadBuilder b = builders.computeIfAbsent(ns + "\0" + top.kind() + "\0" + top.name(), k -> new WorkloadBuilder(ns, top));
      sessions.addAll(ephemeralSessions(pod));
      String sa = serviceAccountOf(pod);
      TokenMount token = TokenMount.of(pod.getSpec(), Optional.ofNullable(accounts.get(ns + "/" + sa)), accountsReadable);
      b.addPod(pod, reader.read(pod.getSpec(), configMaps.getOrDefault(ns, Map.of())), token);
      index.add(PodIndex.entry(pod, ns, top.kind(), top.name()));
    }
    sessions.addAll(eventSessions(events, sessions));
    List<Workload> workloads = new ArrayList<>();
    Map<String, List<ReachReason>> reachByWorkload = new HashMap<>();
    long withoutAi = 0;
    for (var e : builders.entrySet()) {
      WorkloadBuilder b = e.getValue();
      List<ReachReason> reach = new ArrayList<>();
      for (ReachReason r : rbac.reasons(b.namespace, b.serviceAccount)) reach.add(new ReachReason(r.kind(), b.token.annotate(r.detail())));
      reach.addAll(b.hostReach);
      reach.addAll(exposure(b, services));
      reachByWorkload.put(e.getKey(), reach);
      if (b.ai.isEmpty()) {
        withoutAi++;
        continue;
      }
      workloads.add(b.build(lineages, reach, sessionsFor(b, sessions)));
    }
    // every pod carries its workload's reach, so a process exec'd into a pod without AI still shows what it holds
    index.replaceAll(p -> p.withReach(reachByWorkload.getOrDefault(
        p.namespace() + "\0" + p.workloadKind() + "\0" + p.workloadName(), List.of())));
    return new ClusterScan(api.sources(), workloads, sessions, LayerStatus.ran("cluster", warnings),
        new ClusterScan.Stats(pods.size(), builders.size(), withoutAi, api.secretsIgnored(), audit.events()), index,
        ServiceIndex.of(services, slices, pods));
  }

  /** The pod's service account: serviceAccountName, the deprecated serviceAccount field, or "default". */
  static String serviceAccountOf(Pod pod) {
    var s = pod.getSpec();
    if (s.getServiceAccountName() != null && !s.getServiceAccountName().isEmpty()) return s.getServiceAccountName();
    if (s.getServiceAccount() != null && !s.getServiceAccount().isEmpty()) return s.getServiceAccount();
    return "default";
  }

  private static <T> List<T> read(String resource, Fetch<T> fetch, List<String> warnings) {
    if (fetch instanceof Fetch.Failed<T> f) {
      String consequence = CONSEQUENCES.containsKey(resource) ? " — " + CONSEQUENCES.get(resource) : "";
      warnings.add("cannot list " + resource + ": " + f.reason().id() + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")")
          + consequence);
      return List.of();
    }
    return fetch.itemsOrEmpty();
  }

  private List<ExecSession> ephemeralSessions(Pod pod) {
    List<ExecSession> out = new ArrayList<>();
    if (pod.getSpec().getEphemeralContainers() == null) return out;
    Map<String, String> started = new HashMap<>();
    if (pod.getStatus() != null && pod.getStatus().getEphemeralContainerStatuses() != null) {
      for (ContainerStatus s : pod.getStatus().getEphemeralContainerStatuses()) {
        if (s.getState() != null && s.getState().getRunning() != null) started.put(s.getName(), s.getState().getRunning().getStartedAt());
        else if (s.getState() != null && s.getState().getTerminated() != null) started.put(s.getName(), s.getState().getTerminated().getStartedAt());
      }
    }
    for (var c : pod.getSpec().getEphemeralContainers()) {
      List<String> argv = new ArrayList<>(c.getCommand() == null ? List.of() : c.getCommand());
      if (c.getArgs() != null) argv.addAll(c.getArgs());
      String t = started.get(c.getName());
      out.add(new ExecSession(ExecSession.Source.EPHEMERAL_CONTAINER, nsOf(pod.getMetadata()), pod.getMetadata().getName(),
          c.getName(), "", CommandText.of(redactor, argv), t == null ? "" : t, 0));
    }
    return out;
  }

  /** Ephemeral containers that only an Event still mentions (the pod spec has them otherwise). */
  private static List<ExecSession> eventSessions(List<Event> events, List<ExecSession> known) {
    List<ExecSession> out = new ArrayList<>();
    for (Event e : events) {
      var o = e.getInvolvedObject();
      if (o == null || !"Pod".equals(o.getKind()) || o.getFieldPath() == null || !"Started".equals(e.getReason())) continue;
      Matcher m = EPHEMERAL_FIELD.matcher(o.getFieldPath());
      if (!m.matches()) continue;
      String ns = o.getNamespace() == null ? "default" : o.getNamespace();
      boolean seen = known.stream().anyMatch(s -> s.source() == ExecSession.Source.EPHEMERAL_CONTAINER
          && s.namespace().equals(ns) && s.pod().equals(o.getName()) && s.container().equals(m.group(1)));
      if (seen) continue;
      String t = e.getLastTimestamp() != null ? e.getLastTimestamp() : e.getFirstTimestamp();
      out.add(new ExecSession(ExecSession.Source.EPHEMERAL_CONTAINER, ns, o.getName(), m.group(1), "", "", t == null ? "" : t, 0));
    }
    return out;
  }

  private static List<ExecSession> sessionsFor(WorkloadBuilder b, List<ExecSession> sessions) {
    return sessions.stream().filter(s -> s.namespace().equals(b.namespace) && b.pods.contains(s.pod())).toList();
  }

  private static List<ReachReason> exposure(WorkloadBuilder b, List<Service> services) {
    List<ReachReason> out = new ArrayList<>();
    for (Service s : services) {
      if (s.getSpec() == null || !b.namespace.equals(nsOf(s.getMetadata()))) continue;
      String type = s.getSpec().getType() == null ? "ClusterIP" : s.getSpec().getType();
      if (!type.equals("LoadBalancer") && !type.equals("NodePort")) continue;
      Map<String, String> sel = s.getSpec().getSelector();
      if (sel == null || sel.isEmpty() || !b.podLabels.stream().anyMatch(l -> l.entrySet().containsAll(sel.entrySet()))) continue;
      String ports = s.getSpec().getPorts() == null ? "" : String.join(",", s.getSpec().getPorts().stream()
          .map(p -> String.valueOf(type.equals("NodePort") && p.getNodePort() != null ? p.getNodePort() : p.getPort())).toList());
      out.add(new ReachReason(ReachReason.Kind.EXPOSED, "Service " + s.getMetadata().getName() + " (" + type + ") port " + ports));
    }
    return out;
  }

  static String nsOf(ObjectMeta m) {
    return m == null || m.getNamespace() == null ? "default" : m.getNamespace();
  }

  /** Controller objects by namespace/kind/name, to walk a pod's owner references to the top. */
  static final class Owners {
    /** The top of a pod's owner chain; {@code meta} is that object's metadata when it was read. */
    record Top(String kind, String name, ObjectMeta meta, boolean barePod, String customOwner) {}

    private final Map<String, HasMetadata> byKey = new HashMap<>();

    void addAll(String kind, List<HasMetadata> objects) {
      for (HasMetadata o : objects) byKey.put(nsOf(o.getMetadata()) + "/" + kind + "/" + o.getMetadata().getName(), o);
    }

    Top top(Pod pod) {
      ObjectMeta pm = pod.getMetadata();
      String ns = nsOf(pm);
      OwnerReference ref = controller(pm);
      if (ref == null) return new Top("Pod", pm.getName(), pm, true, "");
      if ("Node".equals(ref.getKind())) return new Top("Pod", pm.getName(), pm, false, "");
      String kind = ref.getKind();
      String name = ref.getName();
      ObjectMeta meta = null;
      for (int depth = 0; depth < 8; depth++) {
        if (!BUILTIN_OWNERS.contains(kind)) return new Top(kind, name, meta == null ? pm : meta, false, kind + "/" + name);
        HasMetadata obj = byKey.get(ns + "/" + kind + "/" + name);
        if (obj == null) {
          if (kind.equals("ReplicaSet")) return guessDeployment(ns, name, pm);
          return new Top(kind, name, meta == null ? pm : meta, false, "");
        }
        meta = obj.getMetadata();
        OwnerReference up = controller(meta);
        if (up == null) return new Top(kind, name, meta, false, "");
        kind = up.getKind();
        name = up.getName();
      }
      return new Top(kind, name, meta, false, "");
    }

    /** A ReplicaSet we could not read: its name is the Deployment's plus "-" and the pod-template-hash. */
    private Top guessDeployment(String ns, String rs, ObjectMeta pm) {
      String hash = Lineages.labels(pm).get("pod-template-hash");
      if (hash == null || !rs.endsWith("-" + hash)) return new Top("ReplicaSet", rs, pm, false, "");
      String deployment = rs.substring(0, rs.length() - hash.length() - 1);
      HasMetadata d = byKey.get(ns + "/Deployment/" + deployment);
      return new Top("Deployment", deployment, d == null ? pm : d.getMetadata(), false, "");
    }

    private static OwnerReference controller(ObjectMeta m) {
      if (m == null || m.getOwnerReferences() == null || m.getOwnerReferences().isEmpty()) return null;
      for (OwnerReference r : m.getOwnerReferences()) if (Boolean.TRUE.equals(r.getController())) return r;
      return m.getOwnerReferences().get(0);
    }
  }

  /** Accumulates one workload's pods. */
  private static final class WorkloadBuilder {
    final String namespace;
    final Owners.Top top;
    final List<String> pods = new ArrayList<>();
    final List<Map<String, String>> podLabels = new ArrayList<>();
    final Map<String, ContainerDecl> containers = new LinkedHashMap<>();
    final List<dev.wraith.model.AiDeclaration> ai = new ArrayList<>();
    final List<ReachReason> hostReach = new ArrayList<>();
    String serviceAccount = "default";
    TokenMount token;
    ObjectMeta firstPod;
    int restarts;

    WorkloadBuilder(String namespace, Owners.Top top) {
      this.namespace = namespace;
      this.top = top;
    }

    /** @param podToken this pod's token state; the workload's token is mounted if any pod's is */
    void addPod(Pod pod, PodSpecReader.Result spec, TokenMount podToken) {
      if (token == null || (!token.mounted() && podToken.mounted())) token = podToken;
      pods.add(pod.getMetadata().getName());
      podLabels.add(Lineages.labels(pod.getMetadata()));
      if (firstPod == null) firstPod = pod.getMetadata();
      var s = pod.getSpec();
      serviceAccount = serviceAccountOf(pod);
      for (ContainerDecl c : spec.containers()) containers.putIfAbsent(c.kind().id() + "/" + c.name(), c);
      ai.addAll(spec.ai());
      if (Boolean.TRUE.equals(s.getHostNetwork())) hostReach.add(new ReachReason(ReachReason.Kind.HOST_NAMESPACE, "hostNetwork: true"));
      if (Boolean.TRUE.equals(s.getHostPID())) hostReach.add(new ReachReason(ReachReason.Kind.HOST_NAMESPACE, "hostPID: true"));
      if (s.getContainers() != null) {
        for (var c : s.getContainers()) {
          if (c.getSecurityContext() != null && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged())) {
            hostReach.add(new ReachReason(ReachReason.Kind.HOST_NAMESPACE, "container " + c.getName() + " is privileged"));
          }
        }
      }
      if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
        for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) restarts += cs.getRestartCount() == null ? 0 : cs.getRestartCount();
      }
    }

    Workload build(Lineages lineages, List<ReachReason> reach, List<ExecSession> sessions) {
      Lineages.Verdict v = lineages.verdict(top.meta(), firstPod, top.barePod(), top.customOwner());
      String created = top.meta() != null && top.meta().getCreationTimestamp() != null ? top.meta().getCreationTimestamp() : "";
      return new Workload(namespace, top.name(), top.kind(), v.lineage(), v.evidence(), serviceAccount, pods, created,
          restarts, List.copyOf(containers.values()), ai, reach, sessions);
    }
  }
}
