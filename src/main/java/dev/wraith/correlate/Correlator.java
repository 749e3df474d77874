package dev.wraith.correlate;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.KnownApp;
import dev.wraith.correlate.Agents.Joined;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the layers' results into one inventory: every code unit and runtime subject exactly once, joined by identity
 * ({@link Matcher}), classified, rated ({@link Risks}), explained, and dated against the prior state
 * ({@link History}). Pure: the same input gives the same inventory.
 *
 * <p>Classification: CONFIRMED = a runtime subject matched to code; UNKNOWN = code no subject matches; SHADOW_AI = an
 * unmatched subject that is a catalogue known app or on the allow-list; GHOST = any other unmatched subject, one per
 * subject (place, origin, script or command), so two rogue scripts are two ghosts, and an exec'd process that
 * matches no code is a ghost even in a pod whose workload is CONFIRMED; ZOMBIE = see {@link History}.
 */
public final class Correlator {
  private final Catalogue catalogue;
  private final List<KnownApp> apps;
  private final Map<String, String> kinds;
  private final Duration inactiveRetention;
  private final Risks risks;
  private final dev.wraith.redact.Redactor redactor;

  /** @param inactiveRetention how long a gone ghost or shadow app is listed as inactive after its last runtime sighting */
  public Correlator(Catalogue catalogue, Duration inactiveRetention) {
    this.catalogue = catalogue;
    this.apps = catalogue.apps();
    this.kinds = catalogue.providers().stream().collect(Collectors.toMap(p -> p.id(), p -> p.category().label(), (a, b) -> a));
    this.inactiveRetention = inactiveRetention;
    this.risks = new Risks(catalogue);
    this.redactor = dev.wraith.redact.Redactor.of(catalogue);
  }

  /** With the default retention of 90 days. */
  public Correlator(Catalogue catalogue) {
    this(catalogue, History.DEFAULT_RETENTION);
  }

  /**
   * The code files worth hashing for entry-script matching: every AI file and every script a deployment copies or
   * runs, as paths relative to the scan root (the keys {@link CorrelationInput#codeFileHashes()} expects), sorted.
   */
  public static List<String> hashCandidates(CodeScan code) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    code.agents().forEach(a -> out.add(a.path()));
    code.deployments().forEach(d -> out.addAll(d.scripts()));
    return List.copyOf(out);
  }

  /** The code agents (deployable units) correlation would form from {@code code}, by directory. */
  public static List<DeployableUnit> units(CodeScan code) {
    return CodeUnits.of(code).stream().map(DeployableUnit::of).toList();
  }

  public Inventory correlate(CorrelationInput in) {
    List<CodeUnit> units = in.code().map(CodeUnits::of).orElse(List.of());
    List<RuntimeSubject> subjects = new RuntimeSubjects(in.cluster(), catalogue).build(in.hosts(), in.tetragon(), in.cluster());
    Matcher matcher = new Matcher(units, in.codeFileHashes());
    Map<CodeUnit, List<Joined>> joined = new LinkedHashMap<>();
    List<RuntimeSubject> unmatched = new ArrayList<>();
    for (RuntimeSubject s : subjects) {
      Optional<Match> m = matcher.match(s);
      if (m.isPresent()) joined.computeIfAbsent(m.get().unit(), k -> new ArrayList<>()).add(new Joined(s, m.get()));
      else if (!s.undeclared()) unmatched.add(s);
    }
    Set<String> appIds = apps.stream().map(KnownApp::id).collect(Collectors.toSet());
    Agents agents = new Agents(in.cluster().map(ClusterScan::execSessions).orElse(List.of()), appIds, in.code().isPresent(),
        in.cluster().map(ClusterScan::pods).orElse(List.of()), kinds, risks, redactor);
    KnownSoftware known = new KnownSoftware(apps, in.allowList());
    String notRunning = in.runtimeObserved() ? "" : "no runtime layer ran in this scan";
    List<InventoryAgent> out = new ArrayList<>();
    for (CodeUnit u : units) {
      List<Joined> js = joined.get(u);
      out.add(js == null ? agents.unknown(u, notRunning) : agents.confirmed(u, js));
    }
    for (RuntimeSubject s : unmatched) out.add(agents.runtimeOnly(s, known.recognise(s)));
    History history = new History(in.prior(), in.stateEnabled(), in.runtimeObserved(), in.scanTime(), inactiveRetention, risks);
    return new Inventory(in.tool(), in.scanTime(), in.code().map(CodeScan::roots).orElse(List.of()), history.apply(out),
        McpServers.of(in.mcp()), in.layers());
  }
}
