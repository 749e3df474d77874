package dev.wraith.mcp;

import dev.wraith.catalogue.McpProbeRules;
import dev.wraith.catalogue.McpPublisher;
import dev.wraith.model.ContainerDecl;
import dev.wraith.model.McpPackage;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpTransport;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Recognises MCP servers that are running, from the host and cluster layers' records: pure functions, no I/O. What a
 * command line runs is read as in configs ({@link Launch}) and then by the process rules; it counts only when the
 * name is an MCP server's (the rules' {@code mcpNames}) or a catalogue publisher's exact name. A process whose
 * ancestor is itself a recognised server (npx forks a shell and node) is the same server and is not listed twice.
 */
final class RuntimeServers {
  static final String PROCESS_CLIENT = "process";
  static final String KUBERNETES_CLIENT = "kubernetes";
  private static final int MAX_ANCESTORS = 16;
  private final McpProbeRules rules;
  private final List<McpPublisher> publishers;

  private final dev.wraith.redact.Redactor redactor;

  RuntimeServers(McpProbeRules rules, List<McpPublisher> publishers, dev.wraith.redact.Redactor redactor) {
    this.rules = rules;
    this.redactor = redactor;
    this.publishers = List.copyOf(publishers);
  }

  List<McpServer> fromProcesses(List<ProcessInfo> processes) {
    Map<Integer, ProcessInfo> byPid = new HashMap<>();
    Map<Integer, McpPackage> found = new HashMap<>();
    for (ProcessInfo p : processes) {
      byPid.put(p.pid(), p);
      if (!p.argv().isEmpty()) recognise(p.argv()).ifPresent(pkg -> found.put(p.pid(), pkg));
    }
    List<McpServer> out = new ArrayList<>();
    for (ProcessInfo p : processes) {
      McpPackage pkg = found.get(p.pid());
      if (pkg == null || hasServerAncestor(p, byPid, found)) continue;
      String source = "pid " + p.pid() + p.container().map(c -> " (container " + c.containerId().substring(0, Math.min(12, c.containerId().length())) + ")").orElse("");
      out.add(server(shortName(pkg), PROCESS_CLIENT, source, p.argv(), p.envNames(), pkg));
    }
    return out;
  }

  List<McpServer> fromWorkloads(List<Workload> workloads) {
    List<McpServer> out = new ArrayList<>();
    for (Workload w : workloads) {
      for (ContainerDecl c : w.containers()) {
        Optional<McpPackage> pkg = image(c.image());
        List<String> argv = c.command().isBlank() ? List.of() : Arrays.asList(c.command().trim().split("\\s+"));
        if (pkg.isEmpty() && !argv.isEmpty()) pkg = recognise(argv);
        String source = (w.cluster().isEmpty() ? "" : w.cluster() + "@") + w.namespace() + "/" + w.kind() + "/" + w.name()
            + " container " + c.name();
        pkg.ifPresent(p -> out.add(server(c.name(), KUBERNETES_CLIENT, source, argv, c.envVars(), p)));
      }
    }
    return out;
  }

  /** What this command line runs, when that is an MCP server. */
  Optional<McpPackage> recognise(List<String> argv) {
    McpPackage launched = Launch.of(argv.get(0), argv.subList(1, argv.size()));
    boolean registry = launched.ecosystem() == McpPackage.Ecosystem.NPM || launched.ecosystem() == McpPackage.Ecosystem.PYPI
        || launched.ecosystem() == McpPackage.Ecosystem.IMAGE;
    if (registry && isMcp(launched)) return Optional.of(launched);
    String line = String.join(" ", argv);
    for (McpProbeRules.ProcessRule r : rules.processes()) {
      Matcher m = r.pattern().matcher(line);
      if (!m.find()) continue;
      McpPackage p = new McpPackage(r.ecosystem(), m.group("pkg"), "");
      if (isMcp(p)) return Optional.of(p);
    }
    return Optional.empty();
  }

  private Optional<McpPackage> image(String image) {
    if (image.isBlank()) return Optional.empty();
    McpPackage p = Launch.of("docker", List.of("run", image));
    return p.ecosystem() == McpPackage.Ecosystem.IMAGE && isMcp(p) ? Optional.of(p) : Optional.empty();
  }

  private boolean isMcp(McpPackage p) {
    boolean official = switch (p.ecosystem()) {
      case NPM -> publishers.stream().anyMatch(m -> m.hasNpm(p.name()));
      case PYPI -> publishers.stream().anyMatch(m -> m.hasPypi(p.name()));
      case IMAGE -> publishers.stream().anyMatch(m -> m.hasImage(p.name()));
      default -> false;
    };
    return official || rules.mcpNames().stream().anyMatch(n -> n.pattern().matcher(p.name()).find());
  }

  private static boolean hasServerAncestor(ProcessInfo p, Map<Integer, ProcessInfo> byPid, Map<Integer, McpPackage> found) {
    ProcessInfo cur = p;
    for (int i = 0; i < MAX_ANCESTORS; i++) {
      ProcessInfo parent = byPid.get(cur.ppid());
      if (parent == null || parent.pid() == cur.pid()) return false;
      if (found.containsKey(parent.pid())) return true;
      cur = parent;
    }
    return false;
  }

  private McpServer server(String name, String client, String source, List<String> argv, List<String> env, McpPackage pkg) {
    List<String> masked = redactor.argv(argv);
    String command = masked.isEmpty() ? "" : masked.get(0);
    List<String> args = masked.isEmpty() ? List.of() : masked.subList(1, masked.size());
    return new McpServer(name, client, source, McpTransport.STDIO, command, args, "", "", env.stream().sorted().distinct().toList(), pkg);
  }

  private static String shortName(McpPackage p) {
    String n = p.name();
    return n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
  }
}
