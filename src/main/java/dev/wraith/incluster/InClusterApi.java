package dev.wraith.incluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * The scanner's connection to the API server: the pod's service account in the cluster, or a kubeconfig context
 * outside it. Bounded timeouts and no client-side retries: a failed call is reported and the next cycle tries again.
 */
public final class InClusterApi implements AutoCloseable {
  private final KubernetesClient client;

  public InClusterApi(KubernetesClient client) {
    this.client = client;
  }

  /** @param context a kubeconfig context, or null for the current one (or the in-cluster service account) */
  public static InClusterApi connect(String context) {
    Config base;
    try {
      base = Config.autoConfigure(context);
    } catch (RuntimeException e) { // fabric8's and its YAML parser's: their wording goes to --debug only
      System.getLogger(InClusterApi.class.getName()).log(System.Logger.Level.DEBUG, "loading the kubeconfig", e);
      throw new IllegalArgumentException("the kubeconfig ($KUBECONFIG or ~/.kube/config) cannot be loaded (run with --debug "
          + "for details)", e);
    }
    if (base.getMasterUrl() == null || base.getMasterUrl().isBlank()) throw new IllegalArgumentException("no cluster configured");
    if (context != null && (base.getCurrentContext() == null || !context.equals(base.getCurrentContext().getName()))) {
      throw new IllegalArgumentException("--context " + context + ": no such context in the kubeconfig");
    }
    Config config = new ConfigBuilder(base).withConnectionTimeout(10_000).withRequestTimeout(30_000)
        .withRequestRetryBackoffLimit(0).build();
    return new InClusterApi(new KubernetesClientBuilder().withConfig(config).build());
  }

  /** The client itself, for the cluster layer's read-only lists (the scanner runs the same layer as scan-all). */
  public KubernetesClient client() {
    return client;
  }

  public ReportStore reports() {
    return new KubeReportStore(client);
  }

  public SensorPods sensorPods(String namespace, String selector) {
    return new KubeSensorPods(client, namespace, selector);
  }

  @Override
  public void close() {
    client.close();
  }
}
