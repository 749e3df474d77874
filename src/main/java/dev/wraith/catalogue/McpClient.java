package dev.wraith.catalogue;

import java.util.List;

/**
 * Where one MCP client keeps its server configuration. {@code paths} are relative to the user's home
 * ({@code HOME} scope) or to a scanned project root ({@code PROJECT}), with {@code /} separators, one per
 * platform layout. {@code keys} are dot paths to the servers object (or list of objects with a {@code name})
 * inside the file; a {@code *} segment stands for every member of an object, in file order
 * ({@code projects.*.mcpServers}).
 */
public record McpClient(String id, String name, Scope scope, Format format, List<String> paths, List<String> keys) {
  /** What a path is relative to. */
  public enum Scope {
    HOME, PROJECT
  }

  /** How the file is written. JSON is read leniently (comments and trailing commas, as in JSONC). */
  public enum Format {
    JSON, TOML, YAML
  }

  public McpClient {
    paths = List.copyOf(paths);
    keys = List.copyOf(keys);
  }
}
