package dev.wraith.incluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The least-privilege rules every object under deploy/ (and the rendered chart) must keep, as a list of violations:
 * RBAC writes only wraith's CRDs, OpenReports' two kinds and, in a namespaced Role, the leader-election Lease (get and
 * patch only by resourceName; create alone), never Secrets, never exec/attach/proxy or wildcards; workloads unprivileged, with
 * read-only roots and host mounts, all capabilities dropped (the sensor may add SYS_PTRACE, DAC_READ_SEARCH, and BPF and PERFMON for its eBPF
 * probe, never SYS_ADMIN),
 * resource requests and memory limits; the scanner non-root; the sensor with host /proc read-only and no API token.
 */
final class DeployPolicy {
  static final Set<String> READ = Set.of("get", "list", "watch");
  static final Set<String> OURS = Set.of("agentreports", "clusteragentsummaries");
  static final Set<String> OPEN_REPORTS = Set.of("reports", "clusterreports");
  static final Set<String> LEASE_VERBS = Set.of("get", "patch", "update");
  static final Set<String> SENSOR_CAPS = Set.of("SYS_PTRACE", "DAC_READ_SEARCH", "BPF", "PERFMON");

  private DeployPolicy() {}

  static List<String> violations(List<JsonNode> docs) {
    List<String> v = new ArrayList<>();
    for (JsonNode d : docs) {
      String kind = d.path("kind").asText(), where = kind + " " + d.at("/metadata/name").asText();
      switch (kind) {
        case "ClusterRole", "Role" -> rbac(d, where, kind.equals("Role"), v);
        case "ClusterRoleBinding", "RoleBinding" -> {
          if (d.at("/roleRef/name").asText().matches("cluster-admin|admin|edit")) v.add(where + ": binds " + d.at("/roleRef/name").asText());
        }
        case "DaemonSet", "Deployment", "StatefulSet" -> workload(d, where, kind.equals("DaemonSet"), v);
        default -> { }
      }
    }
    return v;
  }

  private static void rbac(JsonNode role, String where, boolean namespaced, List<String> v) {
    for (JsonNode rule : role.path("rules")) {
      Set<String> verbs = texts(rule.path("verbs")), resources = texts(rule.path("resources")), groups = texts(rule.path("apiGroups"));
      if (verbs.contains("*") || resources.contains("*") || groups.contains("*")) v.add(where + ": wildcard in " + rule);
      if (resources.contains("secrets")) v.add(where + ": secrets access");
      for (String r : resources) if (r.contains("/")) v.add(where + ": subresource " + r);
      boolean ours = groups.equals(Set.of("wraith.dev")) && OURS.containsAll(resources);
      boolean openReports = groups.equals(Set.of("openreports.io")) && OPEN_REPORTS.containsAll(resources);
      if (!READ.containsAll(verbs) && !ours && !openReports && !lease(rule, namespaced, where, v)) {
        v.add(where + ": write verbs " + verbs + " on " + groups + " " + resources);
      }
    }
  }

  /** A Lease write is allowed only in a namespaced Role: create alone, or get/patch/update of named Leases. */
  private static boolean lease(JsonNode rule, boolean namespaced, String where, List<String> v) {
    if (!texts(rule.path("apiGroups")).equals(Set.of("coordination.k8s.io")) || !texts(rule.path("resources")).equals(Set.of("leases"))) {
      return false;
    }
    Set<String> verbs = texts(rule.path("verbs"));
    if (!namespaced) v.add(where + ": Lease writes outside a namespaced Role");
    else if (verbs.equals(Set.of("create"))) return true;
    else if (!LEASE_VERBS.containsAll(verbs)) v.add(where + ": Lease verbs " + new java.util.TreeSet<>(verbs));
    else if (texts(rule.path("resourceNames")).isEmpty()) v.add(where + ": Lease " + new java.util.TreeSet<>(verbs) + " without resourceNames");
    else return true;
    return true; // reported above, more precisely than "write verbs"
  }

  private static void workload(JsonNode w, String where, boolean sensor, List<String> v) {
    JsonNode pod = w.at("/spec/template/spec");
    if (pod.path("hostNetwork").asBoolean(false)) v.add(where + ": hostNetwork");
    if (pod.path("hostIPC").asBoolean(false)) v.add(where + ": hostIPC");
    if (!sensor && pod.path("hostPID").asBoolean(false)) v.add(where + ": hostPID");
    if (sensor && pod.path("automountServiceAccountToken").asBoolean(true)) v.add(where + ": mounts an API token");
    Set<String> hostPaths = new HashSet<>();
    for (JsonNode vol : pod.path("volumes")) if (vol.has("hostPath")) hostPaths.add(vol.path("name").asText());
    boolean procReadOnly = false;
    for (JsonNode c : pod.path("containers")) {
      String cw = where + " container " + c.path("name").asText();
      JsonNode sc = c.path("securityContext");
      if (sc.path("privileged").asBoolean(false)) v.add(cw + ": privileged");
      if (sc.path("allowPrivilegeEscalation").asBoolean(true)) v.add(cw + ": allows privilege escalation");
      if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) v.add(cw + ": writable root filesystem");
      if (!texts(sc.at("/capabilities/drop")).contains("ALL")) v.add(cw + ": does not drop ALL capabilities");
      Set<String> add = texts(sc.at("/capabilities/add"));
      if (!(sensor ? SENSOR_CAPS : Set.<String>of()).containsAll(add)) v.add(cw + ": adds capabilities " + add);
      boolean nonRoot = sc.path("runAsNonRoot").asBoolean(pod.at("/securityContext/runAsNonRoot").asBoolean(false));
      if (!sensor && !nonRoot) v.add(cw + ": may run as root");
      if (c.at("/resources/limits/memory").isMissingNode() || c.at("/resources/requests").isMissingNode()) {
        v.add(cw + ": no resource requests or memory limit");
      }
      for (JsonNode m : c.path("volumeMounts")) {
        if (!hostPaths.contains(m.path("name").asText())) continue;
        if (!m.path("readOnly").asBoolean(false)) v.add(cw + ": host path " + m.path("name").asText() + " mounted writable");
        if (sensor && procVolume(pod, m.path("name").asText()) && m.path("readOnly").asBoolean(false)) procReadOnly = true;
      }
    }
    if (sensor && !procReadOnly) v.add(where + ": host /proc not mounted read-only");
  }

  private static boolean procVolume(JsonNode pod, String name) {
    for (JsonNode vol : pod.path("volumes")) {
      if (vol.path("name").asText().equals(name) && vol.at("/hostPath/path").asText().equals("/proc")) return true;
    }
    return false;
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> s = new HashSet<>();
    array.forEach(n -> s.add(n.asText()));
    return s;
  }
}
