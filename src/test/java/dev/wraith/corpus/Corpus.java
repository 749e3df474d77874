package dev.wraith.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The generated corpus on disk: a repository ({@link CodeTree} and {@link EcosystemTree}, also the MCP project), a home
 * with MCP configs, a cluster snapshot, an audit log, a Tetragon export and a DNS log ({@link RuntimeInputs}).
 *
 * @param probeHome a home whose MCP servers may be started (loopback only); {@code home}'s would reach the network
 * @param witnesses strings next to planted values that the outputs must show (proof the planted spots were reported)
 */
record Corpus(Path code, Path home, Path probeHome, Path snapshot, Path auditLog, Path tetragon, Path dnsLog,
    List<Map<String, Object>> clusterObjects, List<String> witnesses) {

  static Corpus write(Path root, Plants plants, int remoteMcpPort) throws IOException {
    Path code = root.resolve("repo");
    Path home = root.resolve("home");
    Path probeHome = root.resolve("probe-home");
    Files.createDirectories(home);
    List<String> witnesses = new ArrayList<>(CodeTree.write(code, plants));
    witnesses.addAll(EcosystemTree.write(code, plants));
    McpInputs.write(home, probeHome, code, remoteMcpPort, plants);
    List<Map<String, Object>> objects = RuntimeInputs.clusterObjects(plants);
    Path snapshot = root.resolve("cluster.json");
    RuntimeInputs.writeSnapshot(snapshot, objects);
    Path audit = root.resolve("audit.log");
    RuntimeInputs.writeAuditLog(audit, plants);
    Path tetragon = root.resolve("tetragon.json");
    RuntimeInputs.writeTetragon(tetragon, plants);
    Path dnsLog = root.resolve("sensor-dns.jsonl");
    RuntimeInputs.writeDnsLog(dnsLog, plants);
    witnesses.addAll(List.of("clusterbot.py", "/tmp/tool.py", "/tmp/tbot.py", "plant-echo", "plant-remote", "plant-npx", "plant-loopback",
        "debugger", "mcp.example.com", "/tmp/tgateway.py", "--dns-log"));
    return new Corpus(code, home, probeHome, snapshot, audit, tetragon, dnsLog, objects, List.copyOf(witnesses));
  }
}
