package dev.wraith.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A {@link KubeApi} narrowed to some namespaces after the fact: namespaced objects elsewhere are dropped,
 * cluster-scoped ones (ClusterRoles, ClusterRoleBindings) pass. For snapshots, which hold whatever kubectl
 * was asked for; the live API narrows its calls instead (see {@link LiveKubeApi}).
 */
public record NamespaceScope(KubeApi api, Set<String> namespaces) implements KubeApi {
  public NamespaceScope {
    namespaces = Set.copyOf(namespaces);
  }

  /** The api itself when {@code namespaces} is empty (all namespaces). */
  public static KubeApi of(KubeApi api, List<String> namespaces) {
    return namespaces.isEmpty() ? api : new NamespaceScope(api, Set.copyOf(namespaces));
  }

  @Override
  public List<String> sources() {
    List<String> out = new ArrayList<>(api.sources());
    out.add("namespaces " + String.join(",", namespaces.stream().sorted().toList()));
    return out;
  }

  /** Namespaced kinds narrowed to the namespaces; cluster-scoped kinds as they are. */
  @Override
  public <T extends HasMetadata> Fetch<T> objects(Class<T> type) {
    return CLUSTER_SCOPED.contains(type) ? api.objects(type) : keep(api.objects(type));
  }

  @Override
  public Fetch<ConfigMapKeys> configMaps() {
    return filter(api.configMaps(), cm -> namespaces.contains(cm.namespace()));
  }

  @Override
  public List<String> warnings() {
    return api.warnings();
  }

  @Override
  public long secretsIgnored() {
    return api.secretsIgnored();
  }

  private <T extends HasMetadata> Fetch<T> keep(Fetch<T> f) {
    return filter(f, o -> namespaces.contains(ClusterCollector.nsOf(o.getMetadata())));
  }

  private static <T> Fetch<T> filter(Fetch<T> f, Predicate<T> keep) {
    return f instanceof Fetch.Ok<T> ok ? Fetch.ok(ok.items().stream().filter(keep).toList()) : f;
  }
}
