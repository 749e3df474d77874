package dev.wraith.model;

import java.util.List;

/**
 * One tool an MCP server hands to agents, as enumerated by a probe. Never called.
 *
 * @param capabilities filesystem, shell, network, database, write (from name, description and schema)
 * @param warnings hidden-instruction markers found in its description (prompt injection, invisible Unicode, ...)
 * @param hash sha256 of name + description + input schema, to spot a later change ("rug pull")
 */
public record McpTool(String name, String description, List<String> capabilities, List<String> warnings, String hash) {
  public McpTool {
    capabilities = List.copyOf(capabilities);
    warnings = List.copyOf(warnings);
  }
}
