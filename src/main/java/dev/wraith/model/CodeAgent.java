package dev.wraith.model;

import java.util.List;

/**
 * A file that uses AI, as the code layer sees it: what it builds (role), with which frameworks, against
 * which providers, with which risky capabilities and models. Correlation matches these to runtime.
 *
 * @param role "agent" when it constructs an agent, "mcp-server" when it implements one, "ai-client" when it
 *     builds model or vector store clients or calls AI endpoints, "agent-tools" when it only defines tools
 * @param severity the loudest severity among its findings
 */
public record CodeAgent(
    String path,
    String role,
    List<String> frameworks,
    List<String> providers,
    List<String> capabilities,
    List<String> models,
    Severity severity,
    int findings) {

  public CodeAgent {
    frameworks = List.copyOf(frameworks);
    providers = List.copyOf(providers);
    capabilities = List.copyOf(capabilities);
    models = List.copyOf(models);
  }
}
