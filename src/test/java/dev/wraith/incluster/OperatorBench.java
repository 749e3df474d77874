package dev.wraith.incluster;

import dev.wraith.cluster.MockCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator benchmark (run by {@code bench/operator-bench.sh}, not by the test suite): puts a generated cluster into
 * {@link BenchApiServer}, then runs the real {@code wraith operator} jar against it twice in the same run, once listing
 * every cycle and once from informer caches, each for the same number of cycles with the same churn (a share of the
 * pods changes between cycles). Per cycle it reports the API requests by kind and the objects sent in list answers,
 * and the operator's CPU; at the end its peak RSS and its live heap after a full GC (jcmd).
 *
 * <p>Arguments: SNAPSHOT_FILE JAR [CYCLES] [CHURN_PODS_PER_CYCLE].
 */
public final class OperatorBench {
  private static final Pattern SCANS = Pattern.compile("wraith_scans_total\\{result=\"ok\"} (\\d+)");
  /** Held so the level sticks: the mock logs every request at INFO. */
  private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private OperatorBench() {}

  public static void main(String[] args) throws Exception {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    Path snapshot = Path.of(args[0]), jar = Path.of(args[1]);
    int cycles = args.length > 2 ? Integer.parseInt(args[2]) : 5, churn = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    BenchApiServer api = new BenchApiServer();
    KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(api.server.createClient()
        .getConfiguration()).withUserAgent(BenchApiServer.HARNESS_AGENT).withRequestTimeout(60_000).build()).build();
    installCrds(client);
    long t0 = System.nanoTime();
    List<HasMetadata> objects = MockCluster.read(client, List.of(snapshot));
    MockCluster.create(client, objects);
    long pods = objects.stream().filter(o -> o instanceof Pod).count();
    System.out.printf("cluster: %d objects (%d pods) loaded in %.1f s%n", objects.size(), pods, (System.nanoTime() - t0) / 1e9);
    List<Pod> churned = objects.stream().filter(o -> o instanceof Pod).map(o -> (Pod) o).limit(churn).toList();
    for (boolean informers : List.of(false, true)) {
      api.takeCounts();
      run(api, client, jar, informers, cycles, churned);
    }
    client.close();
    api.server.destroy();
  }

  private static void run(BenchApiServer api, KubernetesClient client, Path jar, boolean informers, int cycles,
      List<Pod> churned) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile("operator-bench-", ".log");
    List<String> cmd = List.of("java", "-Xmx537m", "-XX:+UseSerialGC", "-Dkubernetes.master=" + client.getMasterUrl(),
        "-Dkubernetes.auth.tryKubeConfig=false", "-Dkubernetes.auth.tryServiceAccount=false", "-jar", jar.toString(),
        "operator", "--interval", "10s", "--metrics-address", "127.0.0.1:" + port, "--informers=" + informers,
        "--lease-namespace", "wraith-system");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    String mode = informers ? "informers" : "lists";
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      List<Map<String, Long>> perCycle = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      long seen = 0;
      double lastCpu = cpuSeconds(p.pid());
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (perCycle.size() < cycles && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(100);
        long scans = scans(http, port);
        if (scans <= seen) continue;
        seen = scans;
        perCycle.add(api.takeCounts());
        double now = cpuSeconds(p.pid());
        cpu.add(now - lastCpu);
        lastCpu = now;
        touch(client, churned, scans); // its own writes are not counted; the watch events they cause are the next cycle's
      }
      if (perCycle.size() < cycles) throw new IllegalStateException(mode + ": only " + perCycle.size() + " cycles; see " + log);
      for (int i = 0; i < perCycle.size(); i++) {
        System.out.printf("%-9s cycle %d: %s, operator CPU %.2f s%n", mode, i + 1, perCycle.get(i), cpu.get(i));
      }
      long rss = kb(p.pid(), "VmHWM:");
      long live = liveHeapBytes(p.pid());
      System.out.printf("%-9s peak RSS %d MiB, live heap after full GC %d MiB%n", mode, rss / 1024, live / (1 << 20));
      System.out.printf("%-9s steady state (median of cycles 2-%d): %s, operator CPU %.2f s per cycle%n", mode, cycles,
          medians(perCycle.subList(1, perCycle.size())), median(cpu.subList(1, cpu.size())));
      Files.delete(log); // kept only when the run failed, for its message
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  private static Map<String, Long> medians(List<Map<String, Long>> cycles) {
    Map<String, Long> out = new java.util.TreeMap<>();
    cycles.forEach(c -> c.keySet().forEach(k -> out.put(k, 0L)));
    out.replaceAll((k, v) -> (long) median(cycles.stream().map(c -> (double) c.getOrDefault(k, 0L)).toList()));
    return out;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void installCrds(KubernetesClient client) throws Exception {
    for (Path f : List.of(Path.of("deploy/crds/agentreports.wraith.dev.yaml"), Path.of("deploy/crds/clusteragentsummaries.wraith.dev.yaml"),
        Path.of("deploy/openreports/reports.openreports.io.yaml"), Path.of("deploy/openreports/clusterreports.openreports.io.yaml"))) {
      try (InputStream in = Files.newInputStream(f)) {
        client.resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
      }
    }
  }

  /** Changes an annotation on each churned pod: one MODIFIED watch event each. */
  private static void touch(KubernetesClient client, List<Pod> pods, long cycle) {
    for (Pod pod : pods) {
      client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
          .edit(x -> {
            x.getMetadata().getAnnotations().put("bench/cycle", String.valueOf(cycle));
            return x;
          });
    }
  }

  private static long scans(HttpClient http, int port) {
    try {
      String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = SCANS.matcher(body);
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    } catch (java.io.IOException e) {
      return 0; // not up yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** utime + stime of the process, from /proc/PID/stat (clock ticks of 1/100 s). */
  private static double cpuSeconds(long pid) throws java.io.IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  private static long kb(long pid, String field) throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(field)) return Long.parseLong(line.replaceAll("\\D+", ""));
    }
    return -1;
  }

  /** The "Total" of a class histogram, which jcmd takes after a full GC: the bytes of live objects. */
  private static long liveHeapBytes(long pid) throws Exception {
    Process j = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.class_histogram").redirectErrorStream(true).start();
    String out = new String(j.getInputStream().readAllBytes());
    j.waitFor();
    for (String line : out.split("\n")) {
      if (line.startsWith("Total")) return Long.parseLong(line.trim().split("\\s+")[2]);
    }
    return -1;
  }
}
