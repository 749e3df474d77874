package dev.wraith.model;

import java.util.Locale;

/**
 * What a code finding says about its location. Each kind is one SARIF rule; its description,
 * help and default severity live in the catalogue's rules.yaml under the same id.
 */
public enum FindingKind {
  /** An AI SDK or framework model client is constructed. */
  SDK_CLIENT,
  /** An agent is constructed with a framework (ReAct agent, crew, assistant, graph). */
  AGENT,
  /** A tool is defined or handed to an agent. */
  TOOL,
  /** A vector store client is constructed. */
  VECTOR_STORE,
  /** An MCP server is implemented here. */
  MCP_SERVER,
  /** An AI module is imported but no client or agent construction was resolved. */
  AI_IMPORT,
  /** A URL or hostname literal points at an AI provider, model server or vector database. */
  AI_ENDPOINT,
  /** An AI credential or endpoint environment variable is read (the name, never a value). */
  ENV_VAR,
  /** A manifest or lockfile declares an AI package. */
  DEPENDENCY,
  /** An AI credential is written as a literal in a configuration file (the key is named, the value never kept). */
  HARDCODED_CREDENTIAL;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static FindingKind parse(String id) {
    for (FindingKind k : values()) if (k.id().equals(id)) return k;
    throw new IllegalArgumentException("unknown finding kind '" + id + "'");
  }
}
