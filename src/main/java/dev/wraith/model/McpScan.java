package dev.wraith.model;

import java.util.List;

/**
 * The result of {@code wraith mcp}: findings sorted by source, then name; warnings (unreadable or malformed
 * files, wrong types) name the file and never quote its content. {@code filesRead} counts configs found;
 * {@code roots} are the directories whose configs were looked for (the home directory first, then project roots).
 */
public record McpScan(List<McpFinding> findings, List<String> warnings, int filesRead, List<String> roots) {
  public McpScan {
    findings = List.copyOf(findings);
    warnings = List.copyOf(warnings);
    roots = List.copyOf(roots);
  }

  /** A scan whose roots are not known. */
  public McpScan(List<McpFinding> findings, List<String> warnings, int filesRead) {
    this(findings, warnings, filesRead, List.of());
  }
}
