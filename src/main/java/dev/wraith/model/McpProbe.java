package dev.wraith.model;

import java.util.List;
import java.util.Locale;

/**
 * What an opt-in probe of one server saw: {@code initialize} and the list calls ({@code tools/list}, and
 * {@code prompts/list} / {@code resources/list} when the server advertises them). No tool is ever called.
 *
 * @param detail why the probe failed, timed out or was skipped; {@code ""} when it succeeded
 * @param warnings hidden-instruction markers in the server's own {@code instructions}
 * @param changes rug-pull reports against the tool history ("tool X changed since 2026-01-01T00:00:00Z"), sorted
 * @param stderrTail the server's last stderr lines, masked; empty when it printed nothing
 */
public record McpProbe(Status status, String detail, String serverName, String serverVersion, List<McpTool> tools,
    List<String> prompts, List<String> resources, List<String> warnings, List<String> changes, List<String> stderrTail) {

  /** How the probe ended. */
  public enum Status {
    NOT_PROBED, OK, FAILED, TIMEOUT, SKIPPED;

    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** A finding that nobody asked to probe. */
  public static final McpProbe NOT_PROBED = failed(Status.NOT_PROBED, "", List.of());

  public McpProbe {
    if (status == null || detail == null || serverName == null || serverVersion == null) throw new NullPointerException("probe fields are never null");
    tools = List.copyOf(tools);
    prompts = List.copyOf(prompts);
    resources = List.copyOf(resources);
    warnings = List.copyOf(warnings);
    changes = List.copyOf(changes);
    stderrTail = List.copyOf(stderrTail);
  }

  /** A probe that got no server answer. */
  public static McpProbe failed(Status status, String detail, List<String> stderrTail) {
    return new McpProbe(status, detail, "", "", List.of(), List.of(), List.of(), List.of(), List.of(), stderrTail);
  }

  public McpProbe withChanges(List<String> changes) {
    return new McpProbe(status, detail, serverName, serverVersion, tools, prompts, resources, warnings, changes, stderrTail);
  }
}
