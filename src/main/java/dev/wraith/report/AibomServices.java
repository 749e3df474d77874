package dev.wraith.report;

import dev.wraith.model.CodeScan;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import dev.wraith.model.Hashes;
import dev.wraith.model.Inventory;
import dev.wraith.model.Inventory.InventoryMcpServer;
import dev.wraith.model.Attributed;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.InventoryAgent.Connection;
import dev.wraith.model.McpTool;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cyclonedx.model.Service;

/**
 * The services agents talk to: AI providers and vector stores (one service per catalogue provider id, with every
 * endpoint seen at runtime or written in code) and MCP servers (with their tools as nested services). A
 * connection no provider was attributed to becomes a service named after its host.
 */
final class AibomServices {
  private AibomServices() {}

  /** The bom-ref of the service a connection or provider id belongs to. */
  static String providerRef(String provider) {
    return "provider:" + provider;
  }

  static String connectionRef(Connection c) {
    return providerRef(c.provider().isEmpty() ? "unattributed/" + host(c) : c.provider());
  }

  static List<Service> providers(Inventory inventory, Optional<CodeScan> code, GenAiNames genAi) {
    SortedMap<String, SortedSet<String>> endpoints = new TreeMap<>();
    SortedMap<String, String> names = new TreeMap<>();
    for (InventoryAgent a : inventory.agents()) {
      for (String p : a.providers()) {
        endpoints.computeIfAbsent(providerRef(p), k -> new TreeSet<>());
        names.put(providerRef(p), p);
      }
      for (Connection c : a.connections()) {
        endpoints.computeIfAbsent(connectionRef(c), k -> new TreeSet<>()).add(endpoint(c));
        names.put(connectionRef(c), c.provider().isEmpty() ? host(c) : c.provider());
      }
    }
    SortedSet<String> vectorStores = new TreeSet<>();
    for (Finding f : code.map(CodeScan::findings).orElse(List.of())) {
      if (f.provider().isEmpty()) continue;
      if (f.kind() == FindingKind.VECTOR_STORE) vectorStores.add(f.provider());
      if (f.kind() == FindingKind.AI_ENDPOINT && names.containsKey(providerRef(f.provider()))) {
        codeEndpoint(f.evidence()).ifPresent(e -> endpoints.get(providerRef(f.provider())).add(e));
      }
    }
    List<Service> out = new ArrayList<>();
    endpoints.forEach((ref, eps) -> {
      Service s = new Service();
      s.setBomRef(ref);
      s.setName(names.get(ref));
      if (!eps.isEmpty()) s.setEndpoints(List.copyOf(eps));
      String kind = ref.startsWith(providerRef("unattributed/")) ? "unattributed-endpoint"
          : vectorStores.contains(names.get(ref)) ? "vector-store" : "ai-provider";
      AibomProperties props = new AibomProperties().add("kind", kind);
      if (!kind.equals("unattributed-endpoint")) genAi.of(names.get(ref)).ifPresent(n -> props.otel("gen_ai.provider.name", n));
      s.setProperties(props.build());
      out.add(s);
    });
    return out;
  }

  /** A server's stable reference: its name and a hash of where it is configured and how it runs. */
  static String mcpRef(InventoryMcpServer m) {
    return "mcp:" + m.name() + ":" + Hashes.sha256Hex(m.source() + "\0" + m.command() + "\0" + m.url()).substring(0, 12);
  }

  static List<Service> mcpServers(Inventory inventory) {
    List<Service> out = new ArrayList<>();
    for (InventoryMcpServer m : inventory.mcpServers()) {
      Service s = new Service();
      String ref = mcpRef(m);
      s.setBomRef(ref);
      s.setName(m.name());
      if (!m.url().isEmpty() && isUri(m.url())) s.setEndpoints(List.of(m.url()));
      s.setProperties(new AibomProperties().add("kind", "mcp-server").add("mcp:source", m.source())
          .add("mcp:command", m.command()).add("mcp:package", m.pkg()).add("mcp:verified", String.valueOf(m.verified()))
          .add("risk", m.risk().id()).addAll("reason", m.reasons()).build());
      List<Service> tools = new ArrayList<>();
      for (McpTool t : m.tools()) {
        Service tool = new Service();
        tool.setBomRef(ref + "/tool:" + t.name());
        tool.setName(t.name());
        tool.setDescription(t.description().isEmpty() ? null : t.description());
        tool.setProperties(new AibomProperties().add("kind", "mcp-tool").addAll("capability", t.capabilities())
            .addAll("warning", t.warnings()).add("sha256", t.hash()).build());
        tools.add(tool);
      }
      if (!tools.isEmpty()) s.setServices(tools);
      out.add(s);
    }
    out.sort(java.util.Comparator.comparing(Service::getBomRef));
    return out;
  }

  /** scheme://host[:port]: https for 443 or a TLS attribution, http otherwise; the default port is left out. */
  static String endpoint(Connection c) {
    boolean tls = c.port() == 443 || c.evidence() == Attributed.Method.SNI;
    int defaultPort = tls ? 443 : 80;
    return (tls ? "https://" : "http://") + host(c) + (c.port() == defaultPort || c.port() <= 0 ? "" : ":" + c.port());
  }

  private static String host(Connection c) {
    // an in-cluster workload's name ("ai-platform/litellm") is no host: its address is
    String h = c.host().isEmpty() || c.evidence() == Attributed.Method.CLUSTER_ADDRESS ? c.ip() : c.host();
    return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
  }

  /** A URL literal from code, reduced to scheme://host[:port][path] already by the code layer; a bare host gets https. */
  private static Optional<String> codeEndpoint(String evidence) {
    String e = evidence.contains("://") ? evidence : "https://" + evidence;
    return isUri(e) ? Optional.of(e) : Optional.empty();
  }

  private static boolean isUri(String s) {
    try {
      URI u = new URI(s);
      return u.getScheme() != null && u.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
