package dev.wraith.tetragon;

import java.util.List;

/**
 * The protojson shape of the subset of {@code tetragon.GetEventsResponse} this layer reads (filled by {@link WireReader}), written from the
 * field list in docs/runtime-signals.md §1.2 (proto names, as Tetragon's exporter writes them). Every field may
 * be absent (protojson omits defaults), so readers treat null as the proto default. Fields not listed here,
 * environment variables among them, are skipped unread: their values never enter the process.
 */
final class Wire {
  private Wire() {}

  record Response(ProcessExec processExec, ProcessExit processExit, ProcessKprobe processKprobe,
      ProcessConnect processConnect, Object rateLimitInfo, Object processThrottle, String nodeName, String time) {}

  record ProcessExec(Process process, Process parent) {}

  record ProcessExit(Process process, Process parent, String time) {}

  record ProcessKprobe(Process process, Process parent, String functionName, List<KprobeArgument> args) {}

  /** Older and enterprise builds: the connection's tuple at the top level. */
  record ProcessConnect(Process process, Process parent, String sourceIp, String destinationIp, Long destinationPort) {}

  record Process(String execId, Long pid, Long uid, String cwd, String binary, String arguments, String startTime,
      Pod pod, String parentExecId, Boolean inInitTree) {}

  record Pod(String namespace, String name, String uid, Container container, String workload, String workloadKind) {}

  record Container(String id, String name, Image image, Long pid, Boolean maybeExecProbe) {}

  record Image(String id, String name) {}

  record KprobeArgument(Sock sockArg, Sockaddr sockaddrArg) {}

  record Sock(String family, String protocol, String saddr, String daddr, Long sport, Long dport) {}

  record Sockaddr(String family, String addr, Long port) {}
}
