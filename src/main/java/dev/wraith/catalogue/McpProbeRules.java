package dev.wraith.catalogue;

import dev.wraith.model.McpPackage;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code wraith mcp --probe} looks for in the tools a server lists, and how running MCP servers are recognised:
 * the catalogue's five MCP probe sections, bundled in {@code mcp-probe.yaml} (tool capability words, injection
 * patterns, invisible code points, MCP name patterns, process patterns). Validated and overlaid with the rest of the
 * catalogue, loaded once with it. Every pattern is case-insensitive. Lists keep catalogue order, which is the order
 * warnings are reported in.
 */
public record McpProbeRules(List<ToolCapability> toolCapabilities, List<Marker> injection, List<Invisible> invisible,
    List<Marker> mcpNames, List<ProcessRule> processes) {

  /** A tool gets the capability {@code id} when its name, description or schema holds one of these words. */
  public record ToolCapability(String id, Set<String> words) {
    public ToolCapability {
      words = Set.copyOf(words);
    }
  }

  /** A pattern with its id: a hidden-instruction marker, or a name that makes a package an MCP server's. */
  public record Marker(String id, Pattern pattern) {}

  /** Code points a human reviewer cannot see. */
  public record Invisible(String id, List<CodePoints> ranges) {
    public Invisible {
      ranges = List.copyOf(ranges);
    }

    public boolean contains(int codePoint) {
      for (CodePoints r : ranges) if (codePoint >= r.from() && codePoint <= r.to()) return true;
      return false;
    }
  }

  /** An inclusive code point range. */
  public record CodePoints(int from, int to) {}

  /** A running process's argv (joined by spaces) pattern whose {@code pkg} group names the package it runs. */
  public record ProcessRule(String id, McpPackage.Ecosystem ecosystem, Pattern pattern) {}

  public McpProbeRules {
    toolCapabilities = List.copyOf(toolCapabilities);
    injection = List.copyOf(injection);
    invisible = List.copyOf(invisible);
    mcpNames = List.copyOf(mcpNames);
    processes = List.copyOf(processes);
  }
}
