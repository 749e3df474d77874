package dev.wraith.model;

import java.util.List;

/**
 * One configured MCP server. {@code source} is the config file ({@code ~/...} under the home, else as scanned);
 * {@code command} and {@code args} are already masked; {@code url} is scheme://host[:port][path] only; env and
 * header values are never kept, only their names. Strings are {@code ""} when absent.
 */
public record McpServer(String name, String client, String source, McpTransport transport, String command, List<String> args,
    String url, String host, List<String> envNames, McpPackage pkg) {
  public McpServer {
    args = List.copyOf(args);
    envNames = List.copyOf(envNames);
  }
}
