package dev.wraith.cluster;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.catalogue.LineageMarker;
import dev.wraith.model.Lineage;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides a workload's lineage from the metadata of its top object and of one of its pods, using the
 * catalogue's lineage markers (the labels and annotations Argo CD, Flux, Helm, kubectl and the kubelet
 * write). Precedence: static pod, GitOps (it often renders Helm charts), Helm, operator, bare pod, manual.
 */
final class Lineages {
  /** A lineage and the markers that decided it. */
  record Verdict(Lineage lineage, List<String> evidence) {}

  private final List<LineageMarker> markers;

  Lineages(List<LineageMarker> markers) {
    this.markers = List.copyOf(markers);
  }

  /** {@link #verdict} with the bundled catalogue's markers, for callers that hold no catalogue. */
  static Verdict of(ObjectMeta top, ObjectMeta pod, boolean barePod, String customOwner) {
    return Bundled.LINEAGES.verdict(top, pod, barePod, customOwner);
  }

  /**
   * @param top the workload's top object (the pod itself for a bare pod)
   * @param pod one of its pods
   * @param customOwner the custom-resource kind that owns the top object, or "" when none
   */
  Verdict verdict(ObjectMeta top, ObjectMeta pod, boolean barePod, String customOwner) {
    List<String> mirror = evidence(LineageMarker.Kind.STATIC_POD, pod);
    if (!mirror.isEmpty()) return new Verdict(Lineage.STATIC_POD, mirror);
    if (ownedByNode(pod)) return new Verdict(Lineage.STATIC_POD, List.of("ownerReference Node"));
    for (ObjectMeta m : List.of(top, pod)) {
      List<String> ev = evidence(LineageMarker.Kind.GITOPS, m);
      if (!ev.isEmpty()) return new Verdict(Lineage.GITOPS, ev);
    }
    for (ObjectMeta m : List.of(top, pod)) {
      List<String> ev = evidence(LineageMarker.Kind.HELM, m);
      if (!ev.isEmpty()) return new Verdict(Lineage.HELM, ev);
    }
    if (!customOwner.isEmpty()) return new Verdict(Lineage.OPERATOR, List.of("owned by " + customOwner));
    if (barePod) {
      List<String> ev = new ArrayList<>(List.of("no ownerReferences"));
      ev.addAll(evidence(LineageMarker.Kind.MANUAL, pod));
      return new Verdict(Lineage.BARE_POD, ev);
    }
    List<String> manual = evidence(LineageMarker.Kind.MANUAL, top);
    if (!manual.isEmpty()) return new Verdict(Lineage.MANUAL, manual);
    return new Verdict(Lineage.UNKNOWN, List.of());
  }

  /** Evidence of every marker of this kind on the object, in catalogue order. */
  private List<String> evidence(LineageMarker.Kind kind, ObjectMeta m) {
    List<String> out = new ArrayList<>();
    for (LineageMarker marker : markers) {
      if (marker.kind() == kind) marker.evidence(labels(m), annotations(m)).ifPresent(out::add);
    }
    return out;
  }

  private static boolean ownedByNode(ObjectMeta pod) {
    List<OwnerReference> refs = pod == null ? null : pod.getOwnerReferences();
    return refs != null && refs.stream().anyMatch(r -> "Node".equals(r.getKind()));
  }

  static Map<String, String> labels(ObjectMeta m) {
    return m == null || m.getLabels() == null ? Map.of() : m.getLabels();
  }

  static Map<String, String> annotations(ObjectMeta m) {
    return m == null || m.getAnnotations() == null ? Map.of() : m.getAnnotations();
  }

  /** Loaded on first use only, so the collector's own catalogue is never shadowed by it. */
  private static final class Bundled {
    static final Lineages LINEAGES = new Lineages(CatalogueLoader.bundled().lineage());
  }
}
