package dev.wraith.cluster;

import dev.wraith.model.Lineage;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides a workload's lineage from the metadata of its top object and of one of its pods. The markers are
 * the ones the tools themselves write: Argo CD and Flux labels/annotations, Helm's managed-by label and
 * release annotations, kubectl's last-applied annotation and run label, the mirror-pod annotation.
 */
final class Lineages {
  /** A lineage and the markers that decided it. */
  record Verdict(Lineage lineage, List<String> evidence) {}

  private static final List<String> GITOPS_MARKERS = List.of(
      "argocd.argoproj.io/instance", "argocd.argoproj.io/tracking-id", "kustomize.toolkit.fluxcd.io/name",
      "helm.toolkit.fluxcd.io/name");
  private static final List<String> HELM_MARKERS = List.of("meta.helm.sh/release-name", "helm.sh/chart");
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  private static final String MIRROR = "kubernetes.io/config.mirror";

  private Lineages() {}

  /**
   * @param top the workload's top object (the pod itself for a bare pod)
   * @param pod one of its pods
   * @param customOwner the custom-resource kind that owns the top object, or "" when none
   */
  static Verdict of(ObjectMeta top, ObjectMeta pod, boolean barePod, String customOwner) {
    List<String> ev = new ArrayList<>();
    if (annotations(pod).containsKey(MIRROR) || ownedByNode(pod)) {
      return new Verdict(Lineage.STATIC_POD, List.of("annotation " + MIRROR));
    }
    for (ObjectMeta m : List.of(top, pod)) {
      for (String k : GITOPS_MARKERS) marker(m, k).ifPresent(ev::add);
      if (!ev.isEmpty()) return new Verdict(Lineage.GITOPS, ev);
    }
    for (ObjectMeta m : List.of(top, pod)) {
      if ("Helm".equalsIgnoreCase(labels(m).get("app.kubernetes.io/managed-by"))) ev.add("label app.kubernetes.io/managed-by=Helm");
      for (String k : HELM_MARKERS) marker(m, k).ifPresent(ev::add);
      if (!ev.isEmpty()) return new Verdict(Lineage.HELM, ev);
    }
    if (!customOwner.isEmpty()) return new Verdict(Lineage.OPERATOR, List.of("owned by " + customOwner));
    if (barePod) {
      ev.add("no ownerReferences");
      if (labels(pod).containsKey("run")) ev.add("label run=" + labels(pod).get("run") + " (kubectl run)");
      if (annotations(pod).containsKey(LAST_APPLIED)) ev.add("annotation " + LAST_APPLIED);
      return new Verdict(Lineage.BARE_POD, ev);
    }
    if (annotations(top).containsKey(LAST_APPLIED)) return new Verdict(Lineage.MANUAL, List.of("annotation " + LAST_APPLIED));
    return new Verdict(Lineage.UNKNOWN, List.of());
  }

  private static java.util.Optional<String> marker(ObjectMeta m, String key) {
    if (labels(m).containsKey(key)) return java.util.Optional.of("label " + key + "=" + labels(m).get(key));
    if (annotations(m).containsKey(key)) return java.util.Optional.of("annotation " + key);
    return java.util.Optional.empty();
  }

  private static boolean ownedByNode(ObjectMeta pod) {
    List<OwnerReference> refs = pod.getOwnerReferences();
    return refs != null && refs.stream().anyMatch(r -> "Node".equals(r.getKind()));
  }

  static Map<String, String> labels(ObjectMeta m) {
    return m == null || m.getLabels() == null ? Map.of() : m.getLabels();
  }

  static Map<String, String> annotations(ObjectMeta m) {
    return m == null || m.getAnnotations() == null ? Map.of() : m.getAnnotations();
  }
}
