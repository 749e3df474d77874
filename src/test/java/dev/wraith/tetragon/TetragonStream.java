package dev.wraith.tetragon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes export lines the way Tetragon's protojson encoder does (docs/runtime-signals.md §1.1–1.6): proto
 * names, one GetEventsResponse per line, defaults omitted, 64-bit values as strings.
 */
final class TetragonStream {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String NODE = "ip-10-0-3-17.ec2.internal";

  /** A process as the tests describe it; null pod for node processes. */
  record P(String execId, String parentExecId, int pid, String cwd, String binary, String args, Map<String, Object> pod,
      boolean inInitTree) {}

  static String execId(long ktime, int pid) {
    return Base64.getEncoder().encodeToString((NODE + ":" + ktime + ":" + pid).getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, Object> pod(String ns, String name, String container, int containerPid, boolean probe) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", "containerd://9b1f4c2d7e8a3b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c");
    c.put("name", container);
    c.put("image", Map.of("id", "registry.example.com/x@sha256:4a5b", "name", "registry.example.com/x:1.0"));
    c.put("start_time", "2026-03-01T22:03:10Z");
    c.put("pid", containerPid);
    if (probe) c.put("maybe_exec_probe", true);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("namespace", ns);
    p.put("name", name);
    p.put("uid", "3f6c1d2e-8a4b-4c1d-9e2f-5a6b7c8d9e0f");
    p.put("container", c);
    p.put("pod_labels", Map.of("app", name));
    p.put("workload", "checkout-api");
    p.put("workload_kind", "Deployment");
    return p;
  }

  static Map<String, Object> process(P p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("exec_id", p.execId());
    m.put("pid", p.pid());
    if (p.pid() % 2 == 0) m.put("uid", 1000);
    m.put("cwd", p.cwd());
    m.put("binary", p.binary());
    if (!p.args().isEmpty()) m.put("arguments", p.args());
    m.put("flags", "execve clone");
    m.put("start_time", "2026-03-02T10:00:00.118274911Z");
    m.put("auid", 4294967295L);
    if (p.pod() != null) {
      m.put("pod", p.pod());
      m.put("docker", "9b1f4c2d7e8a3b6c5d4e3f2a1b0c9d8");
    }
    if (p.parentExecId() != null) m.put("parent_exec_id", p.parentExecId());
    m.put("refcnt", 1);
    m.put("tid", p.pid());
    if (p.inInitTree()) m.put("in_init_tree", true);
    m.put("environment_variables", List.of(Map.of("Key", "ANTHROPIC_API_KEY", "Value", "sk-ant-REALVALUE-should-never-leak")));
    return m;
  }

  static String exec(P p, P parent, Instant t) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("process", process(p));
    if (parent != null) e.put("parent", process(parent));
    return line("process_exec", e, t);
  }

  static String exit(P p, Instant t) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("process", process(p));
    e.put("signal", "SIGTERM");
    e.put("time", t.toString());
    return line("process_exit", e, t);
  }

  static String connect(P p, String daddr, int dport, Instant t) {
    Map<String, Object> sock = new LinkedHashMap<>();
    sock.put("family", daddr.contains(":") ? "AF_INET6" : "AF_INET");
    sock.put("type", "SOCK_STREAM");
    sock.put("protocol", "IPPROTO_TCP");
    sock.put("saddr", "10.244.1.23");
    sock.put("daddr", daddr);
    sock.put("sport", 40000 + (int) (t.getEpochSecond() % 20000));
    sock.put("dport", dport);
    sock.put("cookie", "18446633044011339776");
    sock.put("state", "TCP_SYN_SENT");
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("process", process(p));
    e.put("function_name", "tcp_connect");
    e.put("args", List.of(Map.of("sock_arg", sock)));
    e.put("action", "KPROBE_ACTION_POST");
    e.put("policy_name", "ai-egress-connect");
    return line("process_kprobe", e, t);
  }

  /** process_connect from older builds: the tuple at the top level, the port a number. */
  static String oldConnect(P p, String daddr, int dport, Instant t) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("process", process(p));
    e.put("source_ip", "10.244.1.23");
    e.put("destination_ip", daddr);
    e.put("destination_port", dport);
    return line("process_connect", e, t);
  }

  static String rateLimit(Instant t) {
    return line("rate_limit_info", Map.of("number_of_dropped_process_events", "1532"), t);
  }

  static String line(String type, Object event, Instant t) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put(type, event);
    r.put("node_name", NODE);
    r.put("time", t.toString());
    try {
      return JSON.writeValueAsString(r);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> lines(String... l) {
    return new ArrayList<>(List.of(l));
  }
}
