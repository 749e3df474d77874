package dev.wraith.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Reads a live cluster with fabric8: kubeconfig discovery ($KUBECONFIG, ~/.kube/config) or an explicit file,
 * an optional context, or the in-cluster service account. Only list calls, paged by {@value #PAGE}, with
 * bounded connect and request timeouts and no retries, so an unreachable cluster fails in seconds. Secrets
 * are never listed; ConfigMaps are reduced to key names and endpoints as soon as a page arrives.
 */
public final class LiveKubeApi implements KubeApi, AutoCloseable {
  static final long PAGE = 500;

  private final KubernetesClient client;
  private final String source;

  /** Connection settings; {@code kubeconfig} and {@code context} may be null (discovery and current context). */
  public record Settings(Path kubeconfig, String context, int connectTimeoutMillis, int requestTimeoutMillis) {}

  public LiveKubeApi(KubernetesClient client, String source) {
    this.client = client;
    this.source = source;
  }

  /** Builds the client; fails with {@link IllegalArgumentException} when the kubeconfig or context is unusable. */
  public static LiveKubeApi connect(Settings s) {
    Config base;
    try {
      base = s.kubeconfig() != null
          ? Config.fromKubeconfig(s.context(), Files.readString(s.kubeconfig()), s.kubeconfig().toString())
          : Config.autoConfigure(s.context());
    } catch (IOException | KubernetesClientException e) {
      throw new IllegalArgumentException("cannot load kubeconfig: " + e.getMessage(), e);
    }
    return withConfig(base, s);
  }

  /** Applies the timeouts and the no-retry policy to a loaded configuration and builds the client. */
  static LiveKubeApi withConfig(Config base, Settings s) {
    if (base.getMasterUrl() == null || base.getMasterUrl().isBlank()) throw new IllegalArgumentException("no cluster configured");
    Config config = new ConfigBuilder(base)
        .withConnectionTimeout(s.connectTimeoutMillis())
        .withRequestTimeout(s.requestTimeoutMillis())
        .withRequestRetryBackoffLimit(0)
        .build();
    String where = base.getCurrentContext() != null ? "context " + base.getCurrentContext().getName() : "in-cluster " + base.getMasterUrl();
    return new LiveKubeApi(new KubernetesClientBuilder().withConfig(config).build(), where);
  }

  @Override
  public List<String> sources() {
    return List.of(source);
  }

  @Override
  public Fetch<Pod> pods() {
    return paged(o -> client.pods().inAnyNamespace().list(o));
  }

  @Override
  public Fetch<HasMetadata> workloads(String kind) {
    Fetch<? extends HasMetadata> f = switch (kind) {
      case "ReplicaSet" -> paged(o -> client.apps().replicaSets().inAnyNamespace().list(o));
      case "Deployment" -> paged(o -> client.apps().deployments().inAnyNamespace().list(o));
      case "StatefulSet" -> paged(o -> client.apps().statefulSets().inAnyNamespace().list(o));
      case "DaemonSet" -> paged(o -> client.apps().daemonSets().inAnyNamespace().list(o));
      case "Job" -> paged(o -> client.batch().v1().jobs().inAnyNamespace().list(o));
      case "CronJob" -> paged(o -> client.batch().v1().cronjobs().inAnyNamespace().list(o));
      default -> throw new IllegalArgumentException("not a workload kind: " + kind);
    };
    if (f instanceof Fetch.Failed<? extends HasMetadata> failed) return Fetch.failed(failed.reason(), failed.detail());
    return Fetch.ok(List.copyOf(f.itemsOrEmpty()));
  }

  @Override
  public Fetch<Service> services() {
    return paged(o -> client.services().inAnyNamespace().list(o));
  }

  @Override
  public Fetch<Event> events() {
    return paged(o -> client.v1().events().inAnyNamespace().list(o));
  }

  @Override
  public Fetch<ServiceAccount> serviceAccounts() {
    return paged(o -> client.serviceAccounts().inAnyNamespace().list(o));
  }

  @Override
  public Fetch<Role> roles() {
    return paged(o -> client.rbac().roles().inAnyNamespace().list(o));
  }

  @Override
  public Fetch<RoleBinding> roleBindings() {
    return paged(o -> client.rbac().roleBindings().inAnyNamespace().list(o));
  }

  @Override
  public Fetch<ClusterRole> clusterRoles() {
    return paged(o -> client.rbac().clusterRoles().list(o));
  }

  @Override
  public Fetch<ClusterRoleBinding> clusterRoleBindings() {
    return paged(o -> client.rbac().clusterRoleBindings().list(o));
  }

  @Override
  public Fetch<ConfigMapKeys> configMaps() {
    List<ConfigMapKeys> out = new ArrayList<>();
    Fetch<ConfigMap> f = paged(o -> {
      var page = client.configMaps().inAnyNamespace().list(o);
      page.getItems().forEach(cm -> out.add(ConfigMapKeys.of(cm)));
      page.setItems(List.of());
      return page;
    });
    return f instanceof Fetch.Failed<ConfigMap> failed ? Fetch.failed(failed.reason(), failed.detail()) : Fetch.ok(out);
  }

  @Override
  public void close() {
    client.close();
  }

  private static <T extends HasMetadata, L extends KubernetesResourceList<T>> Fetch<T> paged(Function<ListOptions, L> call) {
    List<T> items = new ArrayList<>();
    String cont = null;
    try {
      do {
        ListOptions o = new ListOptionsBuilder().withLimit(PAGE).withContinue(cont).build();
        L page = call.apply(o);
        items.addAll(page.getItems());
        cont = page.getMetadata() == null ? null : page.getMetadata().getContinue();
      } while (cont != null && !cont.isEmpty());
      return Fetch.ok(items);
    } catch (KubernetesClientException e) {
      return Fetch.failed(classify(e), detail(e));
    }
  }

  /** HTTP status when the server answered; otherwise the transport cause (timeout, refused, unknown host). */
  static Failure classify(KubernetesClientException e) {
    if (e.getCode() > 0) return Failure.ofHttp(e.getCode());
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException
          || t instanceof java.io.InterruptedIOException) {
        return Failure.TIMEOUT;
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException) return Failure.UNREACHABLE;
    }
    return Failure.UNREACHABLE;
  }

  /** The innermost cause's message ("Connection refused: /127.0.0.1:1"), not fabric8's generic wrapper text. */
  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }

  private static String detail(KubernetesClientException e) {
    String m = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : rootMessage(e);
    if (m == null) return "";
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    return m.length() > 200 ? m.substring(0, 199) + "…" : m;
  }
}
