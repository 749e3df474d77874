package dev.wraith.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.McpScan;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MCP layer reads a Spring AI application's MCP client connections from its own application.yml. */
class SpringAiMcpClientsTest {
  @Test
  void stdioAndRemoteConnectionsAreConfiguredServers(@TempDir Path project) throws Exception {
    Path resources = Files.createDirectories(project.resolve("src/main/resources"));
    Files.writeString(resources.resolve("application.yml"), """
        spring:
          ai:
            mcp:
              client:
                stdio:
                  connections:
                    filesystem:
                      command: npx
                      args: ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/data"]
                      env:
                        API_TOKEN: wraith-canary-spring-token
                streamable-http:
                  connections:
                    weather:
                      url: https://weather.example.com/mcp?key=wraith-canary-query
        """);
    McpScan scan = new McpDiscovery(CatalogueLoader.bundled(), ConfigFiles.local()).scan(null, List.of(project));
    List<McpServer> servers = scan.findings().stream().map(f -> f.server()).toList();
    assertThat(servers).extracting(McpServer::client, McpServer::name, McpServer::transport).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("Spring AI", "filesystem", McpTransport.STDIO),
        org.assertj.core.groups.Tuple.tuple("Spring AI", "weather", McpTransport.HTTP));
    McpServer fs = servers.stream().filter(s -> s.name().equals("filesystem")).findFirst().orElseThrow();
    assertThat(fs.envNames()).containsExactly("API_TOKEN");
    assertThat(scan.findings().stream().filter(f -> f.server().name().equals("filesystem")).findFirst().orElseThrow().verdict().verified())
        .isTrue();
    assertThat(scan.toString()).doesNotContain("wraith-canary");
  }
}
