package dev.wraith.cluster;

import dev.wraith.model.ReachReason;
import dev.wraith.model.ReachReason.Kind;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a service account may do, from Role/ClusterRole rules reached through RoleBindings and
 * ClusterRoleBindings (subjects by name, or the service-account groups and system:authenticated). Reads RBAC
 * objects only; it never asks the API server (no SubjectAccessReview), so aggregated roles count as far as
 * their rules were filled in.
 */
final class RbacReach {
  private static final Set<String> WORKLOAD_RESOURCES =
      Set.of("pods", "deployments", "jobs", "cronjobs", "daemonsets", "statefulsets", "replicasets");

  private final Map<String, List<PolicyRule>> roles = new HashMap<>();
  private final Map<String, List<PolicyRule>> clusterRoles = new HashMap<>();
  private final List<RoleBinding> roleBindings;
  private final List<ClusterRoleBinding> clusterRoleBindings;

  RbacReach(List<Role> roles, List<ClusterRole> clusterRoles, List<RoleBinding> roleBindings,
      List<ClusterRoleBinding> clusterRoleBindings) {
    for (Role r : roles) this.roles.put(r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(), rules(r.getRules()));
    for (ClusterRole r : clusterRoles) this.clusterRoles.put(r.getMetadata().getName(), rules(r.getRules()));
    this.roleBindings = roleBindings;
    this.clusterRoleBindings = clusterRoleBindings;
  }

  List<ReachReason> reasons(String namespace, String serviceAccount) {
    List<ReachReason> out = new ArrayList<>();
    for (ClusterRoleBinding b : clusterRoleBindings) {
      if (!binds(b.getSubjects(), b.getMetadata().getNamespace(), namespace, serviceAccount)) continue;
      RoleRef ref = b.getRoleRef();
      if (ref == null) continue;
      String via = "ClusterRoleBinding " + b.getMetadata().getName() + " -> ClusterRole " + ref.getName();
      judge(clusterRoles.getOrDefault(ref.getName(), List.of()), "cluster-wide", via, out);
    }
    for (RoleBinding b : roleBindings) {
      String bns = b.getMetadata().getNamespace();
      if (!binds(b.getSubjects(), bns, namespace, serviceAccount)) continue;
      RoleRef ref = b.getRoleRef();
      if (ref == null) continue;
      boolean cluster = "ClusterRole".equals(ref.getKind());
      List<PolicyRule> rules = cluster ? clusterRoles.getOrDefault(ref.getName(), List.of())
          : roles.getOrDefault(bns + "/" + ref.getName(), List.of());
      String via = "RoleBinding " + bns + "/" + b.getMetadata().getName() + " -> " + (cluster ? "ClusterRole " : "Role ") + ref.getName();
      judge(rules, "in namespace " + bns, via, out);
    }
    return out;
  }

  private static boolean binds(List<Subject> subjects, String bindingNs, String ns, String sa) {
    if (subjects == null) return false;
    for (Subject s : subjects) {
      String kind = s.getKind() == null ? "" : s.getKind();
      String name = s.getName() == null ? "" : s.getName();
      if (kind.equals("ServiceAccount")) {
        String sns = s.getNamespace() == null ? bindingNs : s.getNamespace();
        if (name.equals(sa) && ns.equals(sns)) return true;
      } else if (kind.equals("Group")) {
        if (name.equals("system:serviceaccounts") || name.equals("system:serviceaccounts:" + ns)
            || name.equals("system:authenticated")) {
          return true;
        }
      } else if (kind.equals("User") && name.equals("system:serviceaccount:" + ns + ":" + sa)) {
        return true;
      }
    }
    return false;
  }

  private static void judge(List<PolicyRule> rules, String scope, String via, List<ReachReason> out) {
    for (PolicyRule r : rules) {
      List<String> verbs = nn(r.getVerbs());
      List<String> res = nn(r.getResources());
      List<String> groups = nn(r.getApiGroups());
      if (verbs.contains("*") && res.contains("*") && groups.contains("*")) {
        out.add(new ReachReason(scope.equals("cluster-wide") ? Kind.CLUSTER_ADMIN : Kind.READ_SECRETS,
            "all verbs on all resources " + scope + " via " + via));
        continue;
      }
      boolean core = groups.contains("") || groups.contains("*");
      if (core && (res.contains("secrets") || res.contains("*")) && any(verbs, "get", "list", "watch", "*")) {
        out.add(new ReachReason(Kind.READ_SECRETS, "can read secrets " + scope + " via " + via));
      }
      if (core && (res.contains("pods/exec") || res.contains("pods/*") || res.contains("*")) && any(verbs, "create", "get", "*")) {
        out.add(new ReachReason(Kind.EXEC_PODS, "can exec into pods " + scope + " via " + via));
      }
      if (res.stream().anyMatch(x -> x.equals("*") || WORKLOAD_RESOURCES.contains(x)) && any(verbs, "create", "*")) {
        out.add(new ReachReason(Kind.CREATE_WORKLOADS, "can create workloads " + scope + " via " + via));
      }
    }
  }

  private static boolean any(List<String> have, String... want) {
    for (String w : want) if (have.contains(w)) return true;
    return false;
  }

  private static List<String> nn(List<String> l) {
    return l == null ? List.of() : l;
  }

  private static List<PolicyRule> rules(List<PolicyRule> l) {
    return l == null ? List.of() : l;
  }
}
