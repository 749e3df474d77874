package dev.wraith.correlate;

import dev.wraith.model.Classification;
import dev.wraith.model.ExecSession;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import dev.wraith.model.Hashes;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.InventoryAgent.Change;
import dev.wraith.model.InventoryAgent.CodeRef;
import dev.wraith.model.InventoryAgent.Connection;
import dev.wraith.model.InventoryAgent.Evidence;
import dev.wraith.model.InventoryAgent.ProcessRef;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.ReachReason;
import dev.wraith.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds inventory agents from code units and runtime subjects. Ids come from identity only: a code unit's directory
 * (so the same code keeps its id from UNKNOWN to CONFIRMED to ZOMBIE), or a runtime subject's key. History (first and
 * last seen, change) is filled in afterwards by {@link History}.
 *
 * @param codeScanned false when the code layer did not run: then a ghost's reasons say that nothing could match
 * @param pods the cluster's pod index: the reach of a pod whose workload declares no AI comes from here
 * @param kinds what each provider is, for people ("AI gateway"), by provider id
 * @param redactor applied once more to process arguments, in case a layer handed them over unredacted
 */
record Agents(List<ExecSession> sessions, Set<String> appIds, boolean codeScanned,
    List<dev.wraith.model.ClusterScan.RunningPod> pods, java.util.Map<String, String> kinds, Risks risks,
    dev.wraith.redact.Redactor redactor) {
  /** The id of a code agent: a hash of its unit's directory, so it keeps its id from UNKNOWN to CONFIRMED to ZOMBIE. */
  static String codeId(CodeUnit u) {
    return Hashes.sha256Hex("code\0" + u.dir()).substring(0, 16);
  }

  /** The id of a runtime-only agent: a hash of its subject's {@link SubjectKey#canonical() canonical text}. */
  static String runtimeId(RuntimeSubject s) {
    return Hashes.sha256Hex("runtime\0" + s.key().canonical()).substring(0, 16);
  }

  /** A runtime subject and the match that joins it to a code unit. */
  record Joined(RuntimeSubject subject, Match match) {}

  /** Code joined to what runs it; the first subject (by key) that was observed gives the process. */
  InventoryAgent confirmed(CodeUnit u, List<Joined> joined) {
    List<Joined> js = joined.stream().sorted(Comparator.comparing(j -> j.subject().key())).toList();
    List<RuntimeSubject> ss = js.stream().map(Joined::subject).toList();
    RuntimeSubject lead = ss.stream().filter(s -> !s.declaredOnly()).findFirst().orElse(ss.get(0));
    List<Evidence> evidence = new ArrayList<>(EvidenceLines.code(u));
    List<String> reasons = new ArrayList<>();
    js.stream().map(j -> "Running, and matches this code: " + j.match().detail()).distinct().forEach(reasons::add);
    Parts p = new Parts();
    for (RuntimeSubject s : ss) p.add(s);
    evidence.addAll(p.evidence);
    List<String> reach = p.reach();
    Risks.Rated r = risks.rate(Classification.CONFIRMED, true, u.capabilities(), reach);
    reasons.addAll(r.reasons());
    return new InventoryAgent(codeId(u), Classification.CONFIRMED, r.risk(), u.name(), lead.place().workload(),
        processRef(lead), codeRefs(u), union(u.providers(), p.providers), u.capabilities(), p.connections(), reach, evidence,
        reasons, Optional.empty(), Optional.empty(), Change.UNTRACKED);
  }

  /** Code not seen running. */
  InventoryAgent unknown(CodeUnit u, String why) {
    List<String> reasons = new ArrayList<>();
    reasons.add("AI code in " + u.dir() + " that no runtime layer saw running" + (why.isEmpty() ? "" : " (" + why + ")"));
    if (!u.manifests().isEmpty()) {
      reasons.add("Its manifest declares " + String.join(", ", u.manifests().stream()
          .map(d -> (d.namespace().isEmpty() ? "" : d.namespace() + "/") + d.name()).distinct().toList())
          + ", which was not seen running");
    }
    Risks.Rated r = risks.rate(Classification.UNKNOWN, false, u.capabilities(), List.of());
    reasons.addAll(r.reasons());
    return new InventoryAgent(codeId(u), Classification.UNKNOWN, r.risk(), u.name(), Optional.empty(), Optional.empty(),
        codeRefs(u), u.providers(), u.capabilities(), List.of(), List.of(), EvidenceLines.code(u), reasons, Optional.empty(),
        Optional.empty(), Change.UNTRACKED);
  }

  /** A runtime subject with no code: SHADOW_AI when recognised (then {@code shadowWhy} is set), else GHOST. */
  InventoryAgent runtimeOnly(RuntimeSubject s, Optional<String> shadowWhy) {
    Classification c = shadowWhy.isPresent() ? Classification.SHADOW_AI : Classification.GHOST;
    Parts p = new Parts();
    p.add(s);
    List<String> reasons = new ArrayList<>();
    shadowWhy.ifPresent(reasons::add);
    boolean suspected = c == Classification.GHOST
        && InventoryAgent.trafficEvidence(p.connections()) == InventoryAgent.TrafficEvidence.WEAK;
    if (c == Classification.GHOST) reasons.addAll(ghostWhy(s, p, suspected));
    if (c == Classification.GHOST && !codeScanned) reasons.add("No code was scanned in this run, so nothing could match it");
    List<String> reach = p.reach();
    Risks.Rated r = risks.rate(c, !s.declaredOnly(), suspected, List.of(), reach);
    reasons.addAll(r.reasons());
    return new InventoryAgent(runtimeId(s), c, r.risk(), name(s), s.place().workload(), processRef(s), List.of(),
        p.providers.stream().toList(), List.of(), p.connections(), reach, p.evidence, reasons, Optional.empty(),
        Optional.empty(), Change.UNTRACKED);
  }

  private List<String> ghostWhy(RuntimeSubject s, Parts p, boolean suspected) {
    List<String> out = new ArrayList<>();
    String where = s.place().workload().map(w -> w.kind() + " " + w.namespace() + "/" + w.name()
        + (w.cluster().isEmpty() ? "" : " in cluster " + w.cluster())).orElse("");
    if (s.declaredOnly()) {
      out.add(where + " declares AI (" + String.join(", ", p.providers) + ") but no scanned repository builds or deploys it;"
          + " no traffic was observed");
      return out;
    }
    // a process the eBPF probe saw connect but not start, gone before it could be read, has no binary
    String what = s.script().map(e -> e.path()).orElse(s.process().map(ProcessInfo::exe).filter(e -> !e.isEmpty())
        .orElse("a process"));
    out.add(what + " talks to " + String.join(", ", destinations(p)) + " but matches no code in the scanned repositories");
    if (suspected) out.add(EvidenceLines.suspected(p.connections()));
    ProcessOrigin o = s.origin().orElse(ProcessOrigin.CONTAINER);
    if (o == ProcessOrigin.EXEC) {
      out.add("It was exec'd into " + (s.place().pod().isEmpty() ? "a container" : "pod " + s.place().namespace() + "/"
          + s.place().pod()) + " rather than started by it" + AuditJoin.session(s, sessions).map(e -> e.user().isEmpty()
          ? "" : ", by " + e.user()).orElse(""));
    } else if (o == ProcessOrigin.NODE) {
      out.add("It runs on node " + (s.place().node().isEmpty() ? "(this host)" : s.place().node()) + " outside any pod");
    } else if (!where.isEmpty()) {
      out.add("It is the workload " + where + " itself, and no scanned manifest, image or script accounts for it");
    } else {
      out.add("It runs in pod " + s.place().podUid() + ", which no cluster layer placed in a workload, so only its"
          + " entry script could have matched code");
    }
    return out;
  }

  /** What a ghost talks to: providers, and an in-cluster server by its workload ("ai-platform/litellm (AI gateway)"). */
  private List<String> destinations(Parts p) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (Connection c : p.connections()) {
      out.add(c.evidence() == dev.wraith.model.Attributed.Method.CLUSTER_ADDRESS
          ? c.host() + " (" + kinds.getOrDefault(c.provider(), "AI server") + ")" : c.provider());
    }
    if (out.isEmpty()) out.addAll(p.providers);
    return List.copyOf(out);
  }

  private static String name(RuntimeSubject s) {
    if (s.isWorkloadItself() && s.place().workload().isPresent()) return s.place().workload().get().name();
    return s.script().map(e -> PathMatch.basename(e.path()))
        .orElse(s.process().map(ProcessInfo::exe).filter(e -> !e.isEmpty()).map(PathMatch::basename).orElse("unknown"));
  }

  private Optional<ProcessRef> processRef(RuntimeSubject s) {
    if (s.process().isEmpty()) return Optional.empty();
    ProcessInfo p = s.process().get();
    String node = s.sightings().stream().map(Sighting::node).filter(n -> !n.isEmpty()).findFirst().orElse(s.place().node());
    String by = AuditJoin.session(s, sessions).map(ExecSession::user).orElse("");
    ProcessOrigin origin = s.origin().orElse(ProcessOrigin.CONTAINER);
    return Optional.of(new ProcessRef(node, p.pid(), p.exe(), redactor.argv(p.argv()), origin == ProcessOrigin.EXEC,
        s.script().map(e -> e.path()).orElse(""), by, origin));
  }

  private static List<CodeRef> codeRefs(CodeUnit u) {
    List<CodeRef> out = new ArrayList<>();
    for (Finding f : u.findings()) {
      if (f.kind() != FindingKind.DEPENDENCY) out.add(new CodeRef(f.location().path(), f.location().line(), f.kind().id()));
    }
    return out;
  }

  private static List<String> union(List<String> a, Set<String> b) {
    TreeSet<String> s = new TreeSet<>(a);
    s.addAll(b);
    return List.copyOf(s);
  }

  /**
   * Where a connection went, as one layer saw it: connections to one destination merge. Ordered field by field with the
   * port compared as text, the order connections have always been listed in.
   */
  private record Destination(String layer, String provider, String host, String ip, int port)
      implements Comparable<Destination> {
    private static final Comparator<Destination> ORDER = Comparator.comparing(Destination::layer)
        .thenComparing(Destination::provider).thenComparing(Destination::host).thenComparing(Destination::ip)
        .thenComparing(d -> Integer.toString(d.port()));

    @Override
    public int compareTo(Destination other) {
      return ORDER.compare(this, other);
    }
  }

  /** Evidence, connections, providers and reach gathered over one or more subjects. */
  private final class Parts {
    final List<Evidence> evidence = new ArrayList<>();
    final TreeSet<String> providers = new TreeSet<>();
    final TreeSet<ReachReason> reach = new TreeSet<>();
    final TreeMap<Destination, Connection> connections = new TreeMap<>();
    final Set<WorkloadId> workloadsSeen = new java.util.HashSet<>();

    void add(RuntimeSubject s) {
      s.workload().ifPresent(this::workload);
      if (s.workload().isEmpty()) podReach(s.place());
      if (s.undeclared()) {
        s.place().workload().ifPresent(w -> evidence.add(new Evidence("cluster", w.kind() + " " + w.namespace() + "/"
            + w.name() + " is running (container " + w.container() + ", image " + s.place().image()
            + "); its spec declares no AI and no AI traffic was observed")));
      }
      for (Sighting x : s.sightings()) {
        evidence.add(EvidenceLines.sighting(x));
        Connection c = EvidenceLines.connection(x);
        providers.add(c.provider());
        connections.merge(new Destination(c.layer(), c.provider(), c.host(), c.ip(), c.port()), c, Parts::merge);
      }
      AuditJoin.session(s, sessions).ifPresent(e -> evidence.add(EvidenceLines.audit(e)));
    }

    private void workload(Workload w) {
      if (!workloadsSeen.add(WorkloadId.of(w))) return;
      evidence.add(EvidenceLines.cluster(w));
      w.providers().stream().filter(x -> !appIds.contains(x)).forEach(providers::add);
      reach.addAll(w.reach());
    }

    /** A pod whose workload declares no AI is not in the workload list; what it can reach is in the pod index. */
    private void podReach(Place place) {
      for (var p : pods) {
        boolean same = !place.podUid().isEmpty() ? p.uid().equals(place.podUid())
            : !place.pod().isEmpty() && p.name().equals(place.pod()) && p.namespace().equals(place.namespace())
                && p.cluster().equals(place.cluster());
        if (same) reach.addAll(p.reach());
      }
    }

    List<String> reach() {
      return reach.stream().map(ReachReason::line).toList();
    }

    List<Connection> connections() {
      return List.copyOf(connections.values());
    }

    private static Connection merge(Connection a, Connection b) {
      // the most trusted evidence any sighting had
      var evidence = a.evidence().compareTo(b.evidence()) <= 0 ? a.evidence() : b.evidence();
      return new Connection(a.provider(), a.host(), a.ip(), a.port(), evidence, a.layer(), a.count() + b.count(),
          a.firstSeen().isBefore(b.firstSeen()) ? a.firstSeen() : b.firstSeen(),
          a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen());
    }
  }
}
