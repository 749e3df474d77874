package dev.wraith.incluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@link SensorPods} through fabric8: one list call in one namespace with a label selector (get/list on pods only). */
public final class KubeSensorPods implements SensorPods {
  private final KubernetesClient client;
  private final String namespace;
  private final Map<String, String> selector;

  /** @param selector "key=value[,key=value]" */
  public KubeSensorPods(KubernetesClient client, String namespace, String selector) {
    this.client = client;
    this.namespace = namespace;
    this.selector = parse(selector);
  }

  @Override
  public List<SensorPod> list() {
    try {
      return client.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream().map(KubeSensorPods::pod)
          .sorted(Comparator.comparing(SensorPod::node).thenComparing(SensorPod::name)).toList();
    } catch (KubernetesClientException e) {
      throw new ReportStore.StoreException(e.getCode(), ApiFailure.describe(e), e);
    }
  }

  @Override
  public String describe() {
    StringBuilder b = new StringBuilder("namespace ").append(namespace).append(", ");
    new java.util.TreeMap<>(selector).forEach((k, v) -> b.append(k).append('=').append(v).append(','));
    return b.substring(0, b.length() - 1);
  }

  static Map<String, String> parse(String selector) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (String part : selector.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) throw new IllegalArgumentException("bad label selector '" + selector + "' (key=value[,key=value])");
      m.put(kv[0].trim(), kv[1].trim());
    }
    return m;
  }

  private static SensorPod pod(Pod p) {
    String node = p.getSpec() == null || p.getSpec().getNodeName() == null ? "" : p.getSpec().getNodeName();
    var status = p.getStatus();
    String ip = status == null || status.getPodIP() == null ? "" : status.getPodIP();
    String phase = status == null || status.getPhase() == null ? "Unknown" : status.getPhase();
    boolean ready = status != null && status.getConditions() != null && status.getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    return new SensorPod(p.getMetadata().getName(), node, ip, phase, ready);
  }
}
