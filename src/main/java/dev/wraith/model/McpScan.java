package dev.wraith.model;

import java.util.List;

/**
 * The result of {@code wraith mcp}: findings sorted by source, then name; warnings (unreadable or malformed
 * files, wrong types) name the file and never quote its content. {@code filesRead} counts configs found.
 */
public record McpScan(List<McpFinding> findings, List<String> warnings, int filesRead) {
  public McpScan {
    findings = List.copyOf(findings);
    warnings = List.copyOf(warnings);
  }
}
