package dev.wraith.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codes the reports print, one per kind, and only a typosquat names what it imitates. */
class McpReasonTest {
  @Test
  void everyKindHasItsCode() {
    List<String> codes = Arrays.stream(McpReason.Kind.values())
        .map(k -> k == McpReason.Kind.TYPOSQUAT ? McpReason.typosquat("@playwright/mcp") : McpReason.of(k))
        .map(McpReason::code).toList();
    assertThat(codes).containsExactly("local-script", "program: not from a package registry", "unknown-package",
        "typosquat: @playwright/mcp", "unpinned", "latest-tag", "plain-http", "unknown-host");
  }

  @Test
  void onlyATyposquatNamesAnOfficialPackage() {
    assertThatThrownBy(() -> McpReason.of(McpReason.Kind.TYPOSQUAT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new McpReason(McpReason.Kind.UNPINNED, "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
