package dev.wraith.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One agent in the inventory: a code agent, a runtime subject, or both joined by identity.
 *
 * @param id stable across scans: derived from identity (code path, workload, script), never from a pid or a time
 * @param name short human name (script or file name, or workload name)
 * @param workload the Kubernetes workload it runs in, if any
 * @param process the runtime process, if one was observed (the most telling one when a workload has several)
 * @param code code locations that make up the agent (empty for ghosts and shadow AI)
 * @param providers provider ids from the catalogue, sorted
 * @param capabilities code-exec, shell, filesystem, network (from code); cluster reach kinds are in {@code reach}
 * @param connections observed connections to AI endpoints (empty when nothing was observed)
 * @param reach what its service account or pod can reach in the cluster, plain language
 * @param evidence what each layer saw
 * @param reasons why it got its classification and risk, plain language, most important first
 * @param firstSeen first runtime sighting (this scan's or remembered)
 * @param lastSeen last runtime sighting
 * @param change relative to the previous scan in the state database (NEW when there was none)
 * @param inactiveSince set when an earlier scan saw it running and this one did not: the last runtime sighting. A
 *     GHOST stays a GHOST while inactive (an incident is not downgraded by time); a ZOMBIE is always inactive.
 *     {@code process} and {@code connections} of an inactive agent are what it last ran as, not what runs now.
 * @param acknowledgement the latest {@code wraith ack} of this agent, if any
 */
public record InventoryAgent(
    String id,
    Classification classification,
    Risk risk,
    String name,
    Optional<WorkloadRef> workload,
    Optional<ProcessRef> process,
    List<CodeRef> code,
    List<String> providers,
    List<String> capabilities,
    List<Connection> connections,
    List<String> reach,
    List<Evidence> evidence,
    List<String> reasons,
    Optional<Instant> firstSeen,
    Optional<Instant> lastSeen,
    Change change,
    Optional<Instant> inactiveSince,
    Optional<Acknowledgement> acknowledgement) implements Comparable<InventoryAgent> {

  /** An agent as one scan sees it running (or not at runtime at all): active, never acknowledged. */
  public InventoryAgent(String id, Classification classification, Risk risk, String name, Optional<WorkloadRef> workload,
      Optional<ProcessRef> process, List<CodeRef> code, List<String> providers, List<String> capabilities,
      List<Connection> connections, List<String> reach, List<Evidence> evidence, List<String> reasons,
      Optional<Instant> firstSeen, Optional<Instant> lastSeen, Change change) {
    this(id, classification, risk, name, workload, process, code, providers, capabilities, connections, reach, evidence,
        reasons, firstSeen, lastSeen, change, Optional.empty(), Optional.empty());
  }

  /** Someone looked at this agent and said so: {@code wraith ack ID --note TEXT}, recorded in the state database. */
  public record Acknowledgement(Instant at, String note) {
    public Acknowledgement {
      if (at == null || note == null) throw new NullPointerException("acknowledgement fields are never null");
    }
  }

  /**
   * Where an agent runs in Kubernetes. {@code container} may be empty when not known; {@code cluster} is the cluster's
   * name when the scan read several clusters, "" otherwise (and in snapshots recorded before clusters had names).
   */
  public record WorkloadRef(String namespace, String kind, String name, String container, String cluster) {
    /** A workload of the one (unnamed) cluster a scan read. */
    public WorkloadRef(String namespace, String kind, String name, String container) {
      this(namespace, kind, name, container, "");
    }

    public WorkloadRef {
      if (cluster == null) cluster = "";
    }

    /**
     * The workload's identity, "namespace/kind/name", after "cluster@" when the cluster has a name. Cluster names never
     * hold '@' (see ClusterName), namespaces never do, so two workloads share this text only if they are the same.
     */
    public String identity() {
      return (cluster.isEmpty() ? "" : cluster + "@") + namespace + "/" + kind + "/" + name;
    }
  }

  /**
   * A runtime process. {@code node} is empty when unknown; {@code script} is the entry script an interpreter runs
   * (empty if none); {@code execedBy} who exec'd it when the audit log says (empty otherwise); {@code origin} whether
   * its container started it, it was exec'd into one, or it runs on the node outside every container ({@code execed}
   * is {@code origin == EXEC}; a snapshot recorded before the origin was kept has none and reads as EXEC or CONTAINER).
   */
  public record ProcessRef(String node, int pid, String binary, List<String> arguments, boolean execed, String script,
      String execedBy, ProcessOrigin origin) {
    public ProcessRef {
      arguments = List.copyOf(arguments);
      if (origin == null) origin = execed ? ProcessOrigin.EXEC : ProcessOrigin.CONTAINER;
      if (execed != (origin == ProcessOrigin.EXEC)) throw new IllegalArgumentException("execed is origin == EXEC");
    }

    /** A process its container started, or one exec'd into it: the origin follows {@code execed}. */
    public ProcessRef(String node, int pid, String binary, List<String> arguments, boolean execed, String script,
        String execedBy) {
      this(node, pid, binary, arguments, execed, script, execedBy, null);
    }
  }

  public record CodeRef(String path, int line, String ruleId) implements Comparable<CodeRef> {
    @Override
    public int compareTo(CodeRef o) {
      return java.util.Comparator.comparing(CodeRef::path).thenComparingInt(CodeRef::line)
          .thenComparing(CodeRef::ruleId).compare(this, o);
    }
  }

  /**
   * One destination, the evidence that attributed it, how often and when. {@code layer} is host or tetragon.
   * {@code host} is the name the evidence gave, or the in-cluster workload ("ai-platform/litellm") for
   * {@link Attributed.Method#CLUSTER_ADDRESS}.
   */
  public record Connection(String provider, String host, String ip, int port, Attributed.Method evidence, String layer,
      long count, Instant firstSeen, Instant lastSeen) {
    public Connection {
      // a snapshot recorded before evidence grading (state schema of inventory v1) has a "method" string and no
      // evidence: such connections are never reported again (a ZOMBIE lists none), so they read as the weakest kind
      if (evidence == null) evidence = Attributed.Method.PORT;
    }

    public Attributed.Strength strength() {
      return evidence.strength();
    }
  }

  /**
   * How firmly an agent's observed AI traffic is established: STRONG when some connection was named by strong evidence
   * (what the process asked for, a pin, the cluster's address map), WEAK when every connection rests on address-only
   * evidence (hosts file, wraith's own DNS lookup, published range, port), NONE when no traffic was observed.
   */
  public enum TrafficEvidence {
    NONE, WEAK, STRONG;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code layer} is code, cluster, host, tetragon, audit or state. */
  public record Evidence(String layer, String detail) {}

  /** Relative to the previous scan recorded in the state database; UNTRACKED when run with --no-state. */
  public enum Change { NEW, CHANGED, UNCHANGED, UNTRACKED }

  public InventoryAgent {
    if (id == null || classification == null || risk == null || name == null || change == null) {
      throw new NullPointerException("agent fields are never null");
    }
    // a snapshot recorded before the lifecycle fields (state schema V1) has neither: active, never acknowledged
    if (inactiveSince == null) inactiveSince = Optional.empty();
    if (acknowledgement == null) acknowledgement = Optional.empty();
    code = code.stream().sorted().distinct().toList();
    providers = providers.stream().sorted().distinct().toList();
    capabilities = capabilities.stream().sorted().distinct().toList();
    connections = List.copyOf(connections);
    reach = List.copyOf(reach);
    evidence = List.copyOf(evidence);
    reasons = List.copyOf(reasons);
  }

  public InventoryAgent withHistory(Optional<Instant> firstSeen, Optional<Instant> lastSeen, Change change) {
    return new InventoryAgent(id, classification, risk, name, workload, process, code, providers, capabilities,
        connections, reach, evidence, reasons, firstSeen, lastSeen, change, inactiveSince, acknowledgement);
  }

  /** This agent with its latest acknowledgement and one more reason saying it. */
  public InventoryAgent acknowledged(Acknowledgement ack, String reason) {
    List<String> more = new java.util.ArrayList<>(reasons);
    more.add(reason);
    return new InventoryAgent(id, classification, risk, name, workload, process, code, providers, capabilities,
        connections, reach, evidence, more, firstSeen, lastSeen, change, inactiveSince, Optional.of(ack));
  }

  /** Not seen running by this scan although an earlier one did (see {@code inactiveSince}). */
  public boolean inactive() {
    return inactiveSince.isPresent();
  }

  /** See {@link TrafficEvidence}. */
  public TrafficEvidence trafficEvidence() {
    return trafficEvidence(connections);
  }

  /** The grade of a set of connections (see {@link TrafficEvidence}). */
  public static TrafficEvidence trafficEvidence(List<Connection> connections) {
    if (connections.isEmpty()) return TrafficEvidence.NONE;
    return connections.stream().anyMatch(c -> c.strength() == Attributed.Strength.STRONG) ? TrafficEvidence.STRONG
        : TrafficEvidence.WEAK;
  }

  /**
   * A suspected ghost: a GHOST whose AI traffic rests on weak evidence only. The address it called may serve other
   * sites too; its risk is one level lower and its reasons say how to firm the evidence up.
   */
  public boolean suspected() {
    return classification == Classification.GHOST && trafficEvidence() == TrafficEvidence.WEAK;
  }

  /**
   * True when some layer saw it running now (host or Tetragon connections, or a process); an inactive agent's process
   * and connections are remembered ones.
   */
  public boolean observedAtRuntime() {
    return inactiveSince.isEmpty() && (!connections.isEmpty() || process.isPresent());
  }

  /**
   * What makes the agent what it is, without times, pids or counts: classification, workload, script, code,
   * providers, capabilities and reach. Two scans of an unchanged agent give the same digest.
   */
  public String digest() {
    StringBuilder b = new StringBuilder().append(classification).append('|').append(risk).append('|');
    workload.ifPresent(w -> b.append(w.namespace()).append('/').append(w.kind()).append('/').append(w.name())
        .append('/').append(w.container()).append(w.cluster().isEmpty() ? "" : "@" + w.cluster())); // unnamed: as ever
    b.append('|');
    process.ifPresent(p -> b.append(p.binary()).append(' ').append(p.script()).append(' ').append(p.execed()));
    b.append('|');
    code.forEach(c -> b.append(c.path()).append(':').append(c.ruleId()).append(','));
    b.append('|').append(String.join(",", providers)).append('|').append(String.join(",", capabilities))
        .append('|').append(String.join(",", reach));
    if (inactiveSince.isPresent()) b.append("|inactive"); // active agents keep the digests they always had
    return Hashes.sha256Hex(b.toString());
  }

  /** Most alarming first (GHOST, then by risk), then by id: the order of every report. */
  @Override
  public int compareTo(InventoryAgent o) {
    return java.util.Comparator.comparing(InventoryAgent::classification, java.util.Comparator.reverseOrder())
        .thenComparing(InventoryAgent::risk, java.util.Comparator.reverseOrder())
        .thenComparing(InventoryAgent::id).compare(this, o);
  }
}
