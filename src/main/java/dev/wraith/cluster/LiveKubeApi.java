package dev.wraith.cluster;

import dev.wraith.files.FileProblem;
import dev.wraith.files.InputFile;
import dev.wraith.files.Limits;
import dev.wraith.files.Parsers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a live cluster with fabric8: kubeconfig discovery ($KUBECONFIG, ~/.kube/config) or an explicit file,
 * an optional context, or the in-cluster service account. Only list calls, paged by {@value #PAGE}, with
 * bounded connect and request timeouts and no retries, so an unreachable cluster fails in seconds. Secrets
 * are never listed; ConfigMaps are reduced to key names and endpoints as soon as a page arrives. With
 * namespaces given, namespaced resources are listed in each of them only (no call over all namespaces), for
 * users whose RBAC is namespace-scoped; ClusterRoles and ClusterRoleBindings are still asked for, and a refusal
 * is an ordinary per-resource failure.
 */
public final class LiveKubeApi implements KubeApi, AutoCloseable {
  static final long PAGE = 500;

  private final KubernetesClient client;
  private final String source;
  private final List<String> namespaces;

  /**
   * Connection settings; {@code kubeconfig} and {@code context} may be null (discovery and current context);
   * empty {@code namespaces} means all namespaces.
   */
  public record Settings(Path kubeconfig, String context, int connectTimeoutMillis, int requestTimeoutMillis,
      List<String> namespaces) {
    public Settings {
      namespaces = List.copyOf(namespaces);
    }

    public Settings(Path kubeconfig, String context, int connectTimeoutMillis, int requestTimeoutMillis) {
      this(kubeconfig, context, connectTimeoutMillis, requestTimeoutMillis, List.of());
    }
  }

  public LiveKubeApi(KubernetesClient client, String source) {
    this(client, source, List.of());
  }

  /** @param namespaces the namespaces to list namespaced resources in; empty means all */
  public LiveKubeApi(KubernetesClient client, String source, List<String> namespaces) {
    this.client = client;
    this.source = source;
    this.namespaces = List.copyOf(namespaces);
  }

  /** Builds the client; fails with {@link IllegalArgumentException} when the kubeconfig or context is unusable. */
  public static LiveKubeApi connect(Settings s) {
    Config base;
    try {
      if (s.kubeconfig() != null) kubeconfig(s.kubeconfig()); // checked within the shared limits first
      // fabric8 reads the (checked) file itself; the overload that takes its text is marked for removal
      base = s.kubeconfig() != null
          ? Config.fromKubeconfig(s.context(), s.kubeconfig().toFile())
          : Config.autoConfigure(s.context());
    } catch (RuntimeException e) { // fabric8's KubernetesClientException and its YAML parser's exceptions
      System.getLogger(LiveKubeApi.class.getName()).log(System.Logger.Level.DEBUG, "loading the kubeconfig", e);
      throw new IllegalArgumentException("cannot load the kubeconfig" + (s.kubeconfig() == null ? "" : " " + s.kubeconfig())
          + (e instanceof IllegalArgumentException ? ": " + e.getMessage() : " (run with --debug for details)"), e);
    }
    if (s.context() != null && (base.getCurrentContext() == null || !s.context().equals(base.getCurrentContext().getName()))) {
      throw new IllegalArgumentException("--context " + s.context() + ": no such context in the kubeconfig");
    }
    return withConfig(base, s);
  }

  /**
   * The context names of a kubeconfig, in file order ({@code --all-contexts}): {@code kubeconfig}, else every file of
   * $KUBECONFIG (as kubectl merges them, the first definition of a name wins), else ~/.kube/config, each read within the
   * shared limits. Fails with {@link IllegalArgumentException} naming the file when one cannot be read or none holds a
   * context.
   */
  public static List<String> contexts(Path kubeconfig, String kubeconfigEnv, Path home) {
    List<Path> files = new ArrayList<>();
    if (kubeconfig != null) {
      files.add(kubeconfig);
    } else if (kubeconfigEnv != null && !kubeconfigEnv.isBlank()) {
      for (String f : kubeconfigEnv.split(java.io.File.pathSeparator, 0)) if (!f.isBlank()) files.add(Path.of(f));
    } else {
      files.add(home.resolve(".kube/config"));
    }
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    for (Path f : files) {
      if (kubeconfig == null && !Files.isRegularFile(f)) continue; // kubectl skips a missing $KUBECONFIG entry too
      try {
        com.fasterxml.jackson.databind.JsonNode doc = read(f).doc();
        if (doc == null || doc.isMissingNode()) continue; // an empty file
        for (var c : doc.path("contexts")) {
          String name = KubeJson.text(c.path("name"), "");
          if (!name.isEmpty()) names.add(name);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(f + ": cannot read the kubeconfig's contexts: " + e.getMessage(), e);
      }
    }
    if (names.isEmpty()) throw new IllegalArgumentException("no kubeconfig context found in " + files);
    return List.copyOf(names);
  }

  /** A kubeconfig's text and its YAML tree. */
  private record Kubeconfig(String text, com.fasterxml.jackson.databind.JsonNode doc) {}

  /** Reads a kubeconfig within the shared limits; fails with {@link IllegalArgumentException} saying why. */
  private static Kubeconfig read(Path file) {
    try {
      String text = InputFile.readString(file, Limits.DEFAULT.documentBytes());
      return new Kubeconfig(text, KubeJson.yaml(Limits.DEFAULT).readTree(text));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(Parsers.why(e, "YAML", Limits.DEFAULT), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(FileProblem.describe(e, file, "reading"), e);
    }
  }

  /**
   * An explicit kubeconfig's text, read within the shared limits and checked to be YAML with at least one context
   * before fabric8 sees it (fabric8 would fall back to the in-cluster address, or fail with its parser's text).
   */
  private static String kubeconfig(Path file) {
    Kubeconfig k = read(file);
    com.fasterxml.jackson.databind.JsonNode doc = k.doc();
    if (doc == null || doc.isMissingNode() || !doc.path("contexts").isArray() || doc.path("contexts").isEmpty()) {
      throw new IllegalArgumentException("it names no context (is it a kubeconfig?)");
    }
    return k.text();
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
    return new LiveKubeApi(new KubernetesClientBuilder().withConfig(config).build(), where, s.namespaces());
  }

  @Override
  public List<String> sources() {
    return namespaces.isEmpty() ? List.of(source) : List.of(source + ", namespaces " + String.join(",", namespaces));
  }

  /** Namespaced kinds over all namespaces or each configured one; cluster-scoped kinds once. */
  @Override
  public <T extends HasMetadata> Fetch<T> objects(Class<T> type) {
    return CLUSTER_SCOPED.contains(type) ? paged(o -> client.resources(type).list(o)) : scoped(client.resources(type));
  }

  @Override
  public Fetch<ConfigMapKeys> configMaps() {
    List<ConfigMapKeys> out = new ArrayList<>();
    Fetch<ConfigMap> f = scoped(client.configMaps(), page -> {
      page.getItems().forEach(cm -> out.add(ConfigMapKeys.of(cm)));
      page.setItems(List.of());
    });
    return f instanceof Fetch.Failed<ConfigMap> failed ? Fetch.failed(failed.reason(), failed.detail()) : Fetch.ok(out);
  }

  @Override
  public void close() {
    client.close();
  }

  private <T extends HasMetadata, L extends KubernetesResourceList<T>> Fetch<T> scoped(MixedOperation<T, L, ?> op) {
    return scoped(op, page -> {});
  }

  /**
   * Lists a namespaced resource over all namespaces, or in each configured namespace; the first namespace that
   * fails fails the resource, naming the namespace. {@code onPage} sees each page before it is kept.
   */
  private <T extends HasMetadata, L extends KubernetesResourceList<T>> Fetch<T> scoped(MixedOperation<T, L, ?> op,
      Consumer<L> onPage) {
    if (namespaces.isEmpty()) return paged(o -> peek(op.inAnyNamespace().list(o), onPage));
    List<T> items = new ArrayList<>();
    for (String ns : namespaces) {
      Fetch<T> f = paged(o -> peek(op.inNamespace(ns).list(o), onPage));
      if (f instanceof Fetch.Failed<T> failed) return Fetch.failed(failed.reason(), "namespace " + ns + ": " + failed.detail());
      items.addAll(f.itemsOrEmpty());
    }
    return Fetch.ok(items);
  }

  private static <L> L peek(L page, Consumer<L> onPage) {
    onPage.accept(page);
    return page;
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

  /** The API server's message (first line, capped), or the transport cause; shared with {@link InformerKubeApi}. */
  static String detail(KubernetesClientException e) {
    String m = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : rootMessage(e);
    if (m == null) return "";
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    return m.length() > 200 ? m.substring(0, 199) + "…" : m;
  }
}
