package dev.wraith.model;

import java.util.List;

/**
 * A file that uses AI, as the code layer sees it: what it builds (role), with which frameworks, against
 * which providers, with which risky capabilities and models. Correlation matches these to runtime.
 *
 * @param role "agent" when it constructs an agent, "mcp-server" when it implements one, "ai-client" when it
 *     builds model or vector store clients or calls AI endpoints, "agent-tools" when it only defines tools
 * @param severity the loudest severity among its findings
 * @param impliedProviders providers the file's frameworks default to when it names no provider at all (a CrewAI
 *     crew or LangChain agent with no explicit model talks to OpenAI); never part of {@code providers}
 */
public record CodeAgent(
    String path,
    String role,
    List<String> frameworks,
    List<String> providers,
    List<String> capabilities,
    List<String> models,
    Severity severity,
    int findings,
    List<String> impliedProviders) {

  /** Capabilities that raise an agent's risk: it can run code or commands, or touch files. */
  public static final java.util.Set<String> RISKY_CAPABILITIES = java.util.Set.of("code-exec", "shell", "filesystem");

  /** An agent whose providers are all explicit. */
  public CodeAgent(String path, String role, List<String> frameworks, List<String> providers, List<String> capabilities,
      List<String> models, Severity severity, int findings) {
    this(path, role, frameworks, providers, capabilities, models, severity, findings, List.of());
  }

  public CodeAgent {
    impliedProviders = List.copyOf(impliedProviders);
    frameworks = List.copyOf(frameworks);
    providers = List.copyOf(providers);
    capabilities = List.copyOf(capabilities);
    models = List.copyOf(models);
  }
}
