package dev.wraith.incluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ReportStore} on the API server through fabric8's generic resources: no code generation, and the client can
 * reach nothing but the resource types of {@link Report.Kind}. One request per call: an update writes the labels and
 * annotations it is given, which the {@link Publisher} has merged from the object it read.
 */
public final class KubeReportStore implements ReportStore {
  private final KubernetesClient client;

  public KubeReportStore(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public List<Report> listOwned(Report.Kind kind) {
    return call(() -> {
      var op = resources(kind);
      GenericKubernetesResourceList list = kind.namespaced()
          ? op.inAnyNamespace().withLabel(Report.MANAGED_BY, Report.WRAITH).list()
          : op.withLabel(Report.MANAGED_BY, Report.WRAITH).list();
      return list.getItems().stream().map(r -> report(kind, r)).toList();
    });
  }

  @Override
  public Optional<Report> get(Report.Kind kind, String namespace, String name) {
    return call(() -> Optional.ofNullable(one(kind, namespace, name).get()).map(r -> report(kind, r)));
  }

  @Override
  public void create(Report report) {
    call(() -> bound(report.kind(), resource(report, Map.of(), Map.of())).create());
  }

  @Override
  public void update(Report report) {
    call(() -> bound(report.kind(), resource(report, Map.of(), Map.of())).update());
  }

  @Override
  public void delete(Report.Kind kind, String namespace, String name) {
    call(() -> one(kind, namespace, name).delete());
  }

  private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      resources(Report.Kind kind) {
    return client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup(kind.group())
        .withVersion(Report.VERSION).withKind(kind.kind()).withPlural(kind.plural()).withNamespaced(kind.namespaced())
        .build());
  }

  private Resource<GenericKubernetesResource> one(Report.Kind kind, String namespace, String name) {
    return kind.namespaced() ? resources(kind).inNamespace(namespace).withName(name) : resources(kind).withName(name);
  }

  private Resource<GenericKubernetesResource> bound(Report.Kind kind, GenericKubernetesResource g) {
    return kind.namespaced() ? resources(kind).inNamespace(g.getMetadata().getNamespace()).resource(g) : resources(kind).resource(g);
  }

  private static GenericKubernetesResource resource(Report r, Map<String, String> otherLabels,
      Map<String, String> otherAnnotations) {
    Map<String, String> labels = new LinkedHashMap<>(otherLabels), annotations = new LinkedHashMap<>(otherAnnotations);
    labels.putAll(r.labels());
    annotations.putAll(r.annotations());
    var g = new GenericKubernetesResource();
    g.setApiVersion(r.kind().apiVersion());
    g.setKind(r.kind().kind());
    g.setMetadata(new ObjectMetaBuilder().withName(r.name()).withNamespace(r.namespace().isEmpty() ? null : r.namespace())
        .withLabels(labels).withAnnotations(annotations)
        .withResourceVersion(r.resourceVersion().isEmpty() ? null : r.resourceVersion()).build());
    g.setAdditionalProperties(new LinkedHashMap<>(r.body()));
    return g;
  }

  private static Report report(Report.Kind kind, GenericKubernetesResource g) {
    var m = g.getMetadata();
    Map<String, Object> body = new LinkedHashMap<>(g.getAdditionalProperties());
    return new Report(kind, m.getNamespace() == null ? "" : m.getNamespace(), m.getName(), nonNull(m.getLabels()),
        nonNull(m.getAnnotations()), body, m.getResourceVersion() == null ? "" : m.getResourceVersion());
  }

  private static Map<String, String> nonNull(Map<String, String> m) {
    return m == null ? Map.of() : m;
  }

  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (KubernetesClientException e) {
      throw new StoreException(e.getCode(), describe(e), e);
    }
  }

  private static String describe(KubernetesClientException e) {
    return ApiFailure.describe(e);
  }
}
