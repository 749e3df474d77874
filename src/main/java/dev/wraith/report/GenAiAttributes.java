package dev.wraith.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Finding;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.ModelUse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One agent's use of one provider in OpenTelemetry GenAI semantic-convention names, so an inventory joins the traces
 * of the same calls: {@code gen_ai.provider.name} (the catalogue's well-known value; null where the conventions define
 * none), {@code gen_ai.request.model} (a model named in the agent's code for that provider), {@code server.address}
 * and {@code server.port} (an endpoint the agent was seen calling). One entry per model × endpoint, null where not
 * known; {@code provider} is wraith's catalogue id. Sorted; the same inputs give the same list.
 */
public record GenAiAttributes(
    @JsonProperty("provider") String provider,
    @JsonProperty("gen_ai.provider.name") String providerName,
    @JsonProperty("gen_ai.request.model") String requestModel,
    @JsonProperty("server.address") String serverAddress,
    @JsonProperty("server.port") Integer serverPort) {

  private static final Comparator<GenAiAttributes> ORDER = Comparator.comparing(GenAiAttributes::provider)
      .thenComparing(GenAiAttributes::requestModel, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(GenAiAttributes::serverAddress, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(GenAiAttributes::serverPort, Comparator.nullsFirst(Comparator.naturalOrder()));

  private record Endpoint(String address, int port) {}

  /**
   * The code scan's findings and model uses by file, built once for a whole inventory so that each agent costs only
   * its own files (a fleet's inventory has thousands of agents and tens of thousands of findings).
   */
  public static final class Index {
    private final java.util.Map<String, List<Finding>> findings = new java.util.HashMap<>();
    private final java.util.Map<String, List<ModelUse>> models = new java.util.HashMap<>();

    private Index(Optional<CodeScan> code) {
      code.ifPresent(c -> {
        c.findings().forEach(f -> findings.computeIfAbsent(f.location().path(), k -> new ArrayList<>()).add(f));
        c.models().forEach(m -> models.computeIfAbsent(m.location().path(), k -> new ArrayList<>()).add(m));
      });
    }

    public static Index of(Optional<CodeScan> code) {
      return new Index(code);
    }
  }

  /** The entries of one agent: its providers, the models its code names for them, the endpoints it called. */
  public static List<GenAiAttributes> of(InventoryAgent agent, Optional<CodeScan> code, GenAiNames names) {
    return of(agent, Index.of(code), names);
  }

  /** The same, from an index of the code scan built once for all agents. */
  public static List<GenAiAttributes> of(InventoryAgent agent, Index code, GenAiNames names) {
    NavigableSet<String> providers = new TreeSet<>(agent.providers());
    agent.connections().stream().map(InventoryAgent.Connection::provider).filter(p -> !p.isEmpty())
        .forEach(providers::add);
    Set<String> files = agent.code().stream().map(InventoryAgent.CodeRef::path).collect(Collectors.toSet());
    List<GenAiAttributes> out = new ArrayList<>();
    for (String p : providers) {
      List<String> models = new ArrayList<>(models(code, files, p));
      if (models.isEmpty()) models.add(null);
      List<Endpoint> endpoints = new ArrayList<>(endpoints(agent, p));
      if (endpoints.isEmpty()) endpoints.add(null);
      for (String m : models) {
        for (Endpoint e : endpoints) {
          out.add(new GenAiAttributes(p, names.of(p).orElse(null), m, e == null ? null : e.address(),
              e == null ? null : e.port()));
        }
      }
    }
    out.sort(ORDER);
    return List.copyOf(out);
  }

  /**
   * Models named in the agent's files for {@code provider}: a finding's {@code model} attribute, or a model use on the
   * same line as a finding of that provider (the call that names both).
   */
  private static NavigableSet<String> models(Index code, Set<String> files, String provider) {
    NavigableSet<String> models = new TreeSet<>();
    Set<String> providerLines = new java.util.HashSet<>();
    for (String file : files) {
      for (Finding f : code.findings.getOrDefault(file, List.of())) {
        if (!provider.equals(f.provider())) continue;
        providerLines.add(f.location().path() + ":" + f.location().line());
        String model = f.attributes().getOrDefault("model", "");
        if (!model.isEmpty()) models.add(model);
      }
    }
    for (String file : files) {
      for (ModelUse m : code.models.getOrDefault(file, List.of())) {
        if (providerLines.contains(m.location().path() + ":" + m.location().line())) models.add(m.model());
      }
    }
    return models;
  }

  private static NavigableSet<Endpoint> endpoints(InventoryAgent agent, String provider) {
    NavigableSet<Endpoint> out = new TreeSet<>(Comparator.comparing(Endpoint::address).thenComparingInt(Endpoint::port));
    for (InventoryAgent.Connection c : agent.connections()) {
      if (!provider.equals(c.provider())) continue;
      // server.address is a DNS name or an IP; an in-cluster destination's "host" is its workload (namespace/name)
      boolean named = !c.host().isEmpty() && c.evidence() != dev.wraith.model.Attributed.Method.CLUSTER_ADDRESS;
      String address = named ? c.host() : c.ip();
      if (!address.isEmpty()) out.add(new Endpoint(address, c.port()));
    }
    return out;
  }
}
