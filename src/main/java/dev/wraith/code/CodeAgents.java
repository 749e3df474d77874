package dev.wraith.code;

import dev.wraith.model.CodeAgent;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import dev.wraith.model.ModelUse;
import dev.wraith.model.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups findings into code agents, one per source file that actually uses AI. Imports, env var reads and
 * dependency declarations alone do not make a file an agent, and neither do deployment files (manifests,
 * Dockerfiles), whose AI declarations stay findings of their own.
 */
public final class CodeAgents {
  private static final Set<FindingKind> USES_AI = EnumSet.of(FindingKind.SDK_CLIENT, FindingKind.AGENT, FindingKind.TOOL,
      FindingKind.VECTOR_STORE, FindingKind.MCP_SERVER, FindingKind.AI_ENDPOINT);

  private CodeAgents() {}

  public static List<CodeAgent> group(List<Finding> findings, List<ModelUse> models, List<Deployment> deployments) {
    return group(findings, models, deployments, Map.of());
  }

  /**
   * As {@link #group(List, List, List)}; {@code impliedByFramework} maps framework ids to the provider they default
   * to, which a file gets as an implied provider when it builds an agent with the framework and names no provider
   * of its own.
   */
  public static List<CodeAgent> group(List<Finding> findings, List<ModelUse> models, List<Deployment> deployments,
      Map<String, String> impliedByFramework) {
    Set<String> deploymentFiles = new java.util.HashSet<>();
    for (Deployment d : deployments) deploymentFiles.add(d.location().path());
    Map<String, List<Finding>> byFile = new TreeMap<>();
    for (Finding f : findings) {
      // a manifest or Dockerfile declares how agents run; it is not an agent itself
      if (!deploymentFiles.contains(f.location().path())) byFile.computeIfAbsent(f.location().path(), k -> new ArrayList<>()).add(f);
    }
    Map<String, TreeSet<String>> modelsByFile = new TreeMap<>();
    for (ModelUse m : models) modelsByFile.computeIfAbsent(m.location().path(), k -> new TreeSet<>()).add(m.model());
    List<CodeAgent> agents = new ArrayList<>();
    byFile.forEach((path, fs) -> {
      if (fs.stream().noneMatch(f -> USES_AI.contains(f.kind()))) return;
      TreeSet<String> frameworks = new TreeSet<>(), providers = new TreeSet<>(), caps = new TreeSet<>();
      TreeSet<String> fileModels = new TreeSet<>(modelsByFile.getOrDefault(path, new TreeSet<>()));
      Severity sev = Severity.NOTE;
      boolean agent = false, mcp = false, client = false;
      for (Finding f : fs) {
        if (!f.framework().isEmpty()) frameworks.add(f.framework());
        if (!f.provider().isEmpty()) providers.add(f.provider());
        caps.addAll(f.capabilities());
        if (f.attributes().containsKey("model")) fileModels.add(f.attributes().get("model"));
        if (f.severity().compareTo(sev) > 0) sev = f.severity();
        agent |= f.kind() == FindingKind.AGENT;
        mcp |= f.kind() == FindingKind.MCP_SERVER;
        client |= USES_AI.contains(f.kind()) && f.kind() != FindingKind.TOOL;
      }
      String role = agent ? "agent" : mcp ? "mcp-server" : client ? "ai-client" : "agent-tools";
      TreeSet<String> implied = new TreeSet<>();
      if (agent && providers.isEmpty()) for (String fw : frameworks) if (impliedByFramework.containsKey(fw)) implied.add(impliedByFramework.get(fw));
      agents.add(new CodeAgent(path, role, List.copyOf(frameworks), List.copyOf(providers), List.copyOf(caps),
          List.copyOf(fileModels), sev, fs.size(), List.copyOf(implied)));
    });
    return agents;
  }
}
