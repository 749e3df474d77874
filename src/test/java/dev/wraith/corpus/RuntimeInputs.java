package dev.wraith.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime part of the corpus: a cluster snapshot (a Deployment and its Pod with commands, env values, annotations
 * and an ephemeral container, a ConfigMap, a Secret), an audit log with exec sessions, a Tetragon export whose
 * process arguments carry URL credentials, query strings, {@code --credentials=} and key shapes, and the sensor's DNS
 * answers ({@code --dns-log}). Built as trees and
 * written by Jackson, so every planted value is exactly what a parser reads back.
 */
final class RuntimeInputs {
  static final String NAMESPACE = "agents";
  static final String POD = "clusterbot-7d9f8b6c5-x2k4p";
  static final String POD_UID = "5f0c2b1e-6a7d-4e8f-9b0a-000000000001";
  static final String CONTAINER_ID = "4c1e9a7b2d5f8e3a6c9b2e5f8a1d4c7b0e3f6a9c2d5e8b1f4a7c0d3e6b9f2a5c";
  /** Where the Tetragon process connects: attributed by a --resolve pin, so no DNS is involved. */
  static final String TETRAGON_DEST = "203.0.113.10";
  /** An in-cluster address nothing attributes (a Service's ClusterIP): Tetragon's {@code in-cluster} lines. */
  static final String IN_CLUSTER_DEST = "10.96.77.20";
  /** A public address nothing attributes; the DNS log names it {@link #PARTNER_NAME} (not AI). */
  static final String PARTNER_DEST = "198.51.100.77";
  static final String PARTNER_NAME = "partner-api.example.net";
  private static final int GATEWAY_PID = 88170;
  private static final ObjectMapper JSON = new ObjectMapper();

  private RuntimeInputs() {}

  /** The snapshot's objects, as {@code kubectl get -o json} lists them (also loaded into the mock API server). */
  static List<Map<String, Object>> clusterObjects(Plants p) {
    String command = "python clusterbot.py --api-key " + p.plant("pod spec: sh -c --api-key", "%s");
    List<Object> args = List.of("-H", "Authorization: Bearer " + p.plant("pod spec: -H Authorization", "%s"),
        "--credentials=" + p.plant("pod spec: --credentials=", "%s"));
    List<Object> env = List.of(
        Map.of("name", "OPENAI_API_KEY", "value", p.plant("pod spec: env value", "sk-proj-%s")),
        Map.of("name", "OPENAI_BASE_URL", "value", "https://u:" + p.plant("pod spec: endpoint URL password", "%s")
            + "@api.openai.com/v1?api_key=" + p.plant("pod spec: endpoint URL query", "%s")));
    Map<String, Object> container = Map.of("name", "bot", "image", "ghcr.io/acme/clusterbot:1.0",
        "command", List.of("sh", "-c", command), "args", args, "env", env);
    Map<String, Object> annotations = Map.of(
        "kubectl.kubernetes.io/last-applied-configuration", "{\"env\":[{\"value\":\"" + p.plant("annotation: last-applied", "%s") + "\"}]}",
        "acme.example/deploy-token", p.plant("annotation: custom", "ghp_%s"));
    Map<String, Object> template = Map.of("metadata", Map.of("labels", Map.of("app", "clusterbot")),
        "spec", Map.of("containers", List.of(container)));
    Map<String, Object> deployment = object("apps/v1", "Deployment", "clusterbot", annotations, Map.of(
        "replicas", 1, "selector", Map.of("matchLabels", Map.of("app", "clusterbot")), "template", template));
    Map<String, Object> ephemeral = Map.of("name", "debugger", "image", "busybox:1.36", "command",
        List.of("sh", "-c", "curl -u admin:" + p.plant("ephemeral container: curl -u", "%s") + " https://api.openai.com/v1/models"));
    Map<String, Object> podSpec = new LinkedHashMap<>(Map.of("containers", List.of(container), "ephemeralContainers",
        List.of(ephemeral), "nodeName", "node-a"));
    Map<String, Object> pod = object("v1", "Pod", POD, annotations, podSpec);
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) pod.get("metadata");
    meta.put("uid", POD_UID);
    meta.put("labels", Map.of("app", "clusterbot"));
    meta.put("ownerReferences", List.of(Map.of("apiVersion", "apps/v1", "kind", "ReplicaSet", "name", "clusterbot-7d9f8b6c5",
        "uid", "rs-1", "controller", true)));
    pod.put("status", Map.of("phase", "Running", "podIP", "10.42.0.7", "containerStatuses", List.of(Map.of("name", "bot",
        "image", "ghcr.io/acme/clusterbot:1.0", "containerID", "containerd://" + CONTAINER_ID, "restartCount", 0, "ready", true,
        "started", true, "state", Map.of("running", Map.of("startedAt", "2026-11-02T08:00:00Z"))))));
    Map<String, Object> configMap = object("v1", "ConfigMap", "clusterbot-config", Map.of(), null);
    configMap.put("data", Map.of("OPENAI_BASE_URL", "https://cm:" + p.plant("ConfigMap: endpoint URL password", "%s")
        + "@api.openai.com/v1", "api-key", p.plant("ConfigMap: api-key value", "%s")));
    Map<String, Object> secret = object("v1", "Secret", "clusterbot-keys", Map.of(), null);
    secret.put("stringData", Map.of("token", p.plant("Secret: stringData (never read)", "sk-proj-%s")));
    return List.of(deployment, pod, configMap, secret);
  }

  static void writeSnapshot(Path file, List<Map<String, Object>> objects) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), Map.of("apiVersion", "v1", "kind", "List",
        "metadata", Map.of("resourceVersion", ""), "items", objects));
  }

  /** Exec sessions into the pod: the command lives in repeated command= query parameters. */
  static void writeAuditLog(Path file, Plants p) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(JSON.writeValueAsString(auditEvent("a-1", "exec", "create", List.of("sh", "-c",
        "curl -H 'Authorization: Bearer " + p.plant("audit log: exec sh -c header", "%s") + "' https://api.openai.com/v1/models"))));
    lines.add(JSON.writeValueAsString(auditEvent("a-2", "exec", "get", List.of("python", "/tmp/tool.py", "--api-key",
        p.plant("audit log: exec --api-key", "%s"), "https://u:" + p.plant("audit log: exec URL password", "%s") + "@api.openai.com"))));
    Files.write(file, lines);
  }

  private static Map<String, Object> auditEvent(String id, String sub, String verb, List<String> command) {
    StringBuilder uri = new StringBuilder("/api/v1/namespaces/" + NAMESPACE + "/pods/" + POD + "/" + sub + "?container=bot");
    for (String c : command) uri.append("&command=").append(URLEncoder.encode(c, StandardCharsets.UTF_8));
    uri.append("&stdin=true&stdout=true&tty=true");
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("kind", "Event");
    e.put("apiVersion", "audit.k8s.io/v1");
    e.put("level", "Metadata");
    e.put("auditID", id);
    e.put("stage", "ResponseStarted");
    e.put("requestURI", uri.toString());
    e.put("verb", verb);
    e.put("user", Map.of("username", "ops@acme.example"));
    e.put("objectRef", Map.of("resource", "pods", "subresource", sub, "namespace", NAMESPACE, "name", POD, "apiVersion", "v1"));
    e.put("responseStatus", Map.of("code", 101));
    e.put("requestReceivedTimestamp", "2026-11-16T09:12:00.100000000Z");
    e.put("stageTimestamp", "2026-11-16T09:12:00.130000000Z");
    return e;
  }

  /**
   * Exec'd processes in the pod, with planted arguments: one connects to an AI destination (an observation), one to an
   * in-cluster address nothing attributes (an {@code in-cluster} line) and to a public address nothing attributes (an
   * {@code unattributed} line, named by the DNS log's answer).
   */
  static void writeTetragon(Path file, Plants p) throws IOException {
    String arguments = "/tmp/tbot.py --credentials=" + p.plant("Tetragon: --credentials=", "%s")
        + " https://u:" + p.plant("Tetragon: URL password", "%s") + "@api.openai.com/v1?api_key=" + p.plant("Tetragon: URL query", "%s")
        + " " + p.plantExact("Tetragon: AWS key id", "AKIA", 16)
        + " eyJhbGciOiJIUzI1NiJ9." + p.plant("Tetragon: JWT", "eyJ%s") + ".c2lnbmF0dXJl"
        + " " + p.plant("Tetragon: GitHub token", "ghp_%s") + " --token " + p.plant("Tetragon: --token", "%s");
    Map<String, Object> parent = Map.of("exec_id", "bm9kZS1hOjEyMzQ1Njc4ODg6ODgxMjE=", "pid", 88121, "uid", 0,
        "binary", "/usr/bin/runc", "arguments", "exec -t " + CONTAINER_ID, "flags", "execve clone",
        "start_time", "2026-11-16T09:14:01.118274911Z");
    Map<String, Object> bot = process("bm9kZS1hOjEyMzQ1Njc4OTA6ODgxNjQ=", 88164, arguments);
    String gatewayArguments = "/tmp/tgateway.py --api-key=" + p.plant("Tetragon in-cluster: --api-key=", "%s")
        + " --url https://g:" + p.plant("Tetragon in-cluster: URL password", "%s") + "@gateway.internal/v1?key="
        + p.plant("Tetragon in-cluster: URL query", "%s") + " " + p.plant("Tetragon in-cluster: bare key", "sk-proj-%s");
    Map<String, Object> gateway = process("bm9kZS1hOjEyMzQ1Njc4OTE6ODgxNzA=", GATEWAY_PID, gatewayArguments);
    List<String> lines = new ArrayList<>();
    lines.add(JSON.writeValueAsString(exec(bot, parent, "2026-11-16T09:14:03Z")));
    lines.add(JSON.writeValueAsString(connect(bot, parent, TETRAGON_DEST, 443, "2026-11-16T09:14:08Z")));
    lines.add(JSON.writeValueAsString(exec(gateway, parent, "2026-11-16T09:14:04Z")));
    lines.add(JSON.writeValueAsString(connect(gateway, parent, IN_CLUSTER_DEST, 8000, "2026-11-16T09:14:09Z")));
    lines.add(JSON.writeValueAsString(connect(gateway, parent, PARTNER_DEST, 443, "2026-11-16T09:14:10Z")));
    Files.write(file, lines);
  }

  /**
   * The sensor's DNS answers ({@code --dns-log}): one that names the partner address the gateway process called, and
   * lines whose fields carry planted values where a parser quotes what it cannot read (an answer's ip, the time), a
   * name that is a URL with a password, a node that is one, and a line that is not JSON.
   */
  static void writeDnsLog(Path file, Plants p) throws IOException {
    Map<String, Object> named = dnsAnswer("2026-11-16T09:14:05Z", "node-a", PARTNER_NAME, PARTNER_DEST);
    Map<String, Object> badIp = dnsAnswer("2026-11-16T09:14:05Z", "node-a", "api.openai.com",
        p.plant("DNS log: answer ip", "sk-proj-%s"));
    Map<String, Object> badTime = dnsAnswer("Bearer " + p.plant("DNS log: time", "%s"), "node-a", "api.openai.com", "203.0.113.11");
    Map<String, Object> urlName = dnsAnswer("2026-11-16T09:14:05Z", "node-a",
        "https://u:" + p.plant("DNS log: name with a password", "%s") + "@api.openai.com", "203.0.113.12");
    Map<String, Object> urlNode = dnsAnswer("2026-11-16T09:14:05Z", "https://n:" + p.plant("DNS log: node with a password", "%s")
        + "@node-a", "api.openai.com", "203.0.113.13");
    Files.write(file, List.of(JSON.writeValueAsString(named), JSON.writeValueAsString(badIp), JSON.writeValueAsString(badTime),
        JSON.writeValueAsString(urlName), JSON.writeValueAsString(urlNode),
        "{\"type\":\"dns-answer\", token=" + p.plant("DNS log: a line that is not JSON", "%s")));
  }

  private static Map<String, Object> dnsAnswer(String time, String node, String name, String ip) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "dns-answer");
    line.put("time", time);
    line.put("node", node);
    line.put("pid", GATEWAY_PID);
    line.put("podUid", POD_UID);
    line.put("containerId", CONTAINER_ID);
    line.put("name", name);
    line.put("answers", List.of(Map.of("ip", ip, "ttl", 300)));
    return line;
  }

  private static Map<String, Object> process(String execId, int pid, String arguments) {
    Map<String, Object> proc = new LinkedHashMap<>();
    proc.put("exec_id", execId);
    proc.put("pid", pid);
    proc.put("uid", 10001);
    proc.put("cwd", "/tmp");
    proc.put("binary", "/usr/bin/python3.11");
    proc.put("arguments", arguments);
    proc.put("flags", "execve clone");
    proc.put("start_time", "2026-11-16T09:14:03.118274911Z");
    proc.put("pod", Map.of("namespace", NAMESPACE, "name", POD, "uid", POD_UID, "container", Map.of("id",
        "containerd://" + CONTAINER_ID, "name", "bot", "image", Map.of("id", "ghcr.io/acme/clusterbot@sha256:" + CONTAINER_ID,
            "name", "ghcr.io/acme/clusterbot:1.0"), "start_time", "2026-11-02T08:00:00Z", "pid", 1),
        "workload", "clusterbot", "workload_kind", "Deployment"));
    proc.put("parent_exec_id", "bm9kZS1hOjEyMzQ1Njc4ODg6ODgxMjE=");
    return proc;
  }

  private static Map<String, Object> exec(Map<String, Object> proc, Map<String, Object> parent, String time) {
    return Map.of("process_exec", Map.of("process", proc, "parent", parent), "node_name", "node-a", "time", time);
  }

  private static Map<String, Object> connect(Map<String, Object> proc, Map<String, Object> parent, String daddr, int dport,
      String time) {
    Map<String, Object> sock = Map.of("family", "AF_INET", "type", "SOCK_STREAM", "protocol", "IPPROTO_TCP",
        "saddr", "10.42.0.7", "daddr", daddr, "sport", 32768 + dport % 1000, "dport", dport, "state", "TCP_SYN_SENT");
    return Map.of("process_kprobe", Map.of("process", proc, "parent", parent, "function_name", "tcp_connect",
        "args", List.of(Map.of("sock_arg", sock)), "action", "KPROBE_ACTION_POST", "policy_name", "wraith-ai-egress"),
        "node_name", "node-a", "time", time);
  }

  private static Map<String, Object> object(String apiVersion, String kind, String name, Map<String, Object> annotations,
      Map<String, Object> spec) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", name);
    meta.put("namespace", NAMESPACE);
    meta.put("uid", kind.toLowerCase(java.util.Locale.ROOT) + "-" + name);
    meta.put("creationTimestamp", "2026-11-02T08:00:00Z");
    if (!annotations.isEmpty()) meta.put("annotations", annotations);
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    o.put("metadata", meta);
    if (spec != null) o.put("spec", spec);
    return o;
  }
}
