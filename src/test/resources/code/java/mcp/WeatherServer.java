package com.acme.weather;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

public class WeatherServer {
  public static void main(String[] args) {
    var transport = new StdioServerTransportProvider();
    // expect: mcp-server mcp-java
    McpSyncServer server = McpServer.sync(transport)
        .serverInfo("weather", "1.0.0")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
        .build();
    var schema = """
        {"type": "object", "properties": {"city": {"type": "string"}}}
        """;
    // expect: tool mcp-java
    var forecast = new McpServerFeatures.SyncToolSpecification(
        new McpSchema.Tool("forecast", "Weather forecast for a city", schema),
        (exchange, arguments) -> new McpSchema.CallToolResult(List.of(new McpSchema.TextContent("sunny")), false));
    server.addTool(forecast);
  }
}
