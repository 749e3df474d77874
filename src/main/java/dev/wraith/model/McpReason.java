package dev.wraith.model;

/**
 * One thing the publisher check of an MCP server flagged. The set is closed ({@link Kind}); whoever weighs the reasons
 * switches over the kind, so a new kind cannot be overlooked. {@link #code()} is the stable text the reports print
 * ({@code unpinned}, {@code typosquat: @modelcontextprotocol/server-memory}).
 *
 * @param official for a typosquat, the catalogue name it imitates; "" for every other kind
 */
public record McpReason(Kind kind, String official) {
  /** In the order the verifier reports them. */
  public enum Kind {
    /** Launched from a script in the workspace, not from a registry. */
    LOCAL_SCRIPT,
    /** A program on the PATH or at a path, not from a package registry. */
    PROGRAM,
    /** A package or image that no catalogue publisher publishes. */
    UNKNOWN_PACKAGE,
    /** A package name a small edit away from a catalogue name. */
    TYPOSQUAT,
    /** No exact version, digest or tag. */
    UNPINNED,
    /** The {@code latest} tag. */
    LATEST_TAG,
    /** A remote server reached over {@code http://}. */
    PLAIN_HTTP,
    /** A remote host that no catalogue publisher runs. */
    UNKNOWN_HOST
  }

  public McpReason {
    if ((kind == Kind.TYPOSQUAT) == official.isEmpty()) {
      throw new IllegalArgumentException("a typosquat, and only a typosquat, names the official package it imitates");
    }
  }

  public static McpReason of(Kind kind) {
    return new McpReason(kind, "");
  }

  public static McpReason typosquat(String official) {
    return new McpReason(Kind.TYPOSQUAT, official);
  }

  /** As the reports print it. */
  public String code() {
    return switch (kind) {
      case LOCAL_SCRIPT -> "local-script";
      case PROGRAM -> "program: not from a package registry";
      case UNKNOWN_PACKAGE -> "unknown-package";
      case TYPOSQUAT -> "typosquat: " + official;
      case UNPINNED -> "unpinned";
      case LATEST_TAG -> "latest-tag";
      case PLAIN_HTTP -> "plain-http";
      case UNKNOWN_HOST -> "unknown-host";
    };
  }
}
