package dev.wraith.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.ReachReason;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacReachTest {
  static final ClusterRole EDIT = new ClusterRoleBuilder().withNewMetadata().withName("edit").endMetadata()
      .addNewRule().withApiGroups("").withResources("secrets", "pods/exec").withVerbs("get", "create").endRule()
      .addNewRule().withApiGroups("apps").withResources("deployments").withVerbs("create").endRule().build();

  static RoleBinding binding(String ns, String subjectKind, String subject, String subjectNs) {
    return new RoleBindingBuilder().withNewMetadata().withName("b").withNamespace(ns).endMetadata()
        .withNewRoleRef().withKind("ClusterRole").withName("edit").withApiGroup("rbac.authorization.k8s.io").endRoleRef()
        .addNewSubject().withKind(subjectKind).withName(subject).withNamespace(subjectNs).endSubject().build();
  }

  @Test
  void aRoleBindingToAClusterRoleIsScopedToTheBindingsNamespace() {
    RbacReach r = new RbacReach(List.of(), List.of(EDIT), List.of(binding("team-a", "ServiceAccount", "bot", "team-b")), List.of());
    assertThat(r.reasons("team-b", "bot")).extracting(ReachReason::kind).containsExactlyInAnyOrder(
        ReachReason.Kind.READ_SECRETS, ReachReason.Kind.EXEC_PODS, ReachReason.Kind.CREATE_WORKLOADS);
    assertThat(r.reasons("team-b", "bot")).allMatch(x -> x.detail().contains("in namespace team-a"));
    assertThat(r.reasons("team-a", "bot")).isEmpty();
  }

  @Test
  void serviceAccountGroupsBindEveryAccountOfTheNamespace() {
    RbacReach r = new RbacReach(List.of(), List.of(EDIT),
        List.of(binding("ml", "Group", "system:serviceaccounts:ml", null)), List.of());
    assertThat(r.reasons("ml", "anyone")).isNotEmpty();
    assertThat(r.reasons("web", "anyone")).isEmpty();
  }

  @Test
  void aMissingRoleGrantsNothing() {
    RbacReach r = new RbacReach(List.of(), List.of(), List.of(binding("ml", "ServiceAccount", "bot", "ml")), List.of());
    assertThat(r.reasons("ml", "bot")).isEmpty();
  }
}
