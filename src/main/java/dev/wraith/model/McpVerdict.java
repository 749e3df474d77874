package dev.wraith.model;

import java.util.List;

/**
 * The publisher check of one server. {@code verified} means an exact catalogue match of package, image
 * repository or https host ({@code publisher} names the entry); {@code reasons} come in a fixed order and may be
 * present on a verified server too.
 */
public record McpVerdict(boolean verified, String publisher, List<McpReason> reasons) {
  public McpVerdict {
    reasons = List.copyOf(reasons);
  }

  /** The reasons as the reports print them. */
  public List<String> codes() {
    return reasons.stream().map(McpReason::code).toList();
  }
}
