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
 * and an ephemeral container, a ConfigMap, a Secret), an audit log with exec sessions, and a Tetragon export whose
 * process arguments carry URL credentials, query strings, {@code --credentials=} and key shapes. Built as trees and
 * written by Jackson, so every planted value is exactly what a parser reads back.
 */
final class RuntimeInputs {
  static final String NAMESPACE = "agents";
  static final String POD = "clusterbot-7d9f8b6c5-x2k4p";
  static final String POD_UID = "5f0c2b1e-6a7d-4e8f-9b0a-000000000001";
  static final String CONTAINER_ID = "4c1e9a7b2d5f8e3a6c9b2e5f8a1d4c7b0e3f6a9c2d5e8b1f4a7c0d3e6b9f2a5c";
  /** Where the Tetragon process connects: attributed by a --resolve pin, so no DNS is involved. */
  static final String TETRAGON_DEST = "203.0.113.10";
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

  /** An exec'd process in the pod that connects to an AI destination, with planted arguments. */
  static void writeTetragon(Path file, Plants p) throws IOException {
    String arguments = "/tmp/tbot.py --credentials=" + p.plant("Tetragon: --credentials=", "%s")
        + " https://u:" + p.plant("Tetragon: URL password", "%s") + "@api.openai.com/v1?api_key=" + p.plant("Tetragon: URL query", "%s")
        + " " + p.plantExact("Tetragon: AWS key id", "AKIA", 16)
        + " eyJhbGciOiJIUzI1NiJ9." + p.plant("Tetragon: JWT", "eyJ%s") + ".c2lnbmF0dXJl"
        + " " + p.plant("Tetragon: GitHub token", "ghp_%s") + " --token " + p.plant("Tetragon: --token", "%s");
    Map<String, Object> proc = new LinkedHashMap<>();
    proc.put("exec_id", "bm9kZS1hOjEyMzQ1Njc4OTA6ODgxNjQ=");
    proc.put("pid", 88164);
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
    Map<String, Object> parent = Map.of("exec_id", "bm9kZS1hOjEyMzQ1Njc4ODg6ODgxMjE=", "pid", 88121, "uid", 0,
        "binary", "/usr/bin/runc", "arguments", "exec -t " + CONTAINER_ID, "flags", "execve clone",
        "start_time", "2026-11-16T09:14:01.118274911Z");
    Map<String, Object> exec = Map.of("process_exec", Map.of("process", proc, "parent", parent), "node_name", "node-a",
        "time", "2026-11-16T09:14:03Z");
    Map<String, Object> sock = Map.of("family", "AF_INET", "type", "SOCK_STREAM", "protocol", "IPPROTO_TCP",
        "saddr", "10.42.0.7", "daddr", TETRAGON_DEST, "sport", 32768, "dport", 443, "state", "TCP_SYN_SENT");
    Map<String, Object> kprobe = Map.of("process_kprobe", Map.of("process", proc, "parent", parent, "function_name", "tcp_connect",
        "args", List.of(Map.of("sock_arg", sock)), "action", "KPROBE_ACTION_POST", "policy_name", "wraith-ai-egress"),
        "node_name", "node-a", "time", "2026-11-16T09:14:08Z");
    Files.write(file, List.of(JSON.writeValueAsString(exec), JSON.writeValueAsString(kprobe)));
  }

  private static Map<String, Object> object(String apiVersion, String kind, String name, Map<String, Object> annotations,
      Map<String, Object> spec) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", name);
    meta.put("namespace", NAMESPACE);
    meta.put("uid", kind.toLowerCase() + "-" + name);
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
