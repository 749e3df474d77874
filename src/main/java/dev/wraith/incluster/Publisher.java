package dev.wraith.incluster;

import dev.wraith.model.Inventory;
import dev.wraith.model.LayerStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes the cluster's wraith objects match an inventory: creates and updates one AgentReport per agent, deletes the
 * AgentReports wraith owns that the inventory no longer lists, does the same for the OpenReports objects when enabled,
 * and writes the summary last (with this publish's outcome in it). Never throws for an API error: a refused or failed
 * call becomes a failure in the result and the next object is tried. Conflicts (409) are retried from a fresh read, up
 * to {@value #ATTEMPTS} times.
 *
 * <p>Stale removal is skipped when a kind could not be listed (we would not know what is stale) and when a layer of the
 * inventory failed (its agents would be missing, not gone). OpenReports kinds whose CRD is not installed (404 on the
 * listing) are skipped with a note, not a failure per object.
 */
public final class Publisher {
  static final int ATTEMPTS = 3;

  private final ReportStore store;
  private final AgentReports reports;
  private final Optional<OpenReports> openReports;

  public Publisher(ReportStore store, AgentReports reports) {
    this(store, reports, Optional.empty());
  }

  public Publisher(ReportStore store, AgentReports reports, Optional<OpenReports> openReports) {
    this.store = store;
    this.reports = reports;
    this.openReports = openReports;
  }

  public PublishResult publish(Inventory inventory) {
    Tally t = new Tally();
    Optional<LayerStatus> failed = AgentReports.failedLayer(inventory);
    sync(Report.Kind.AGENT_REPORT, reports.desired(inventory), failed, t);
    openReports.ifPresent(o -> {
      List<Report> open = o.desired(inventory);
      for (Report.Kind kind : List.of(Report.Kind.OPEN_REPORT, Report.Kind.OPEN_CLUSTER_REPORT)) {
        sync(kind, open.stream().filter(r -> r.kind() == kind).toList(), failed, t);
      }
    });
    PublishResult beforeSummary = t.result();
    put(reports.summary(inventory, beforeSummary), Optional.empty(), t);
    return t.result();
  }

  /** Writes the desired objects of one kind and removes the owned ones no longer desired. */
  private void sync(Report.Kind kind, List<Report> desired, Optional<LayerStatus> failed, Tally t) {
    Optional<Map<String, Report>> existing = listOwned(kind, t);
    if (existing.isEmpty() && t.notInstalled.contains(kind)) return;
    for (Report r : desired) put(r, existing.map(m -> Optional.ofNullable(m.get(r.ref()))), t);
    String plural = kind.kind() + "s";
    if (existing.isEmpty()) {
      t.notes.add("stale " + plural + " not removed: they could not be listed");
    } else if (failed.isPresent()) {
      t.notes.add("stale " + plural + " not removed: layer " + failed.get().layer() + " failed");
    } else {
      Set<String> keep = new TreeSet<>();
      desired.forEach(r -> keep.add(r.ref()));
      for (Report old : new java.util.TreeMap<>(existing.get()).values()) {
        if (!keep.contains(old.ref())) delete(old, t);
      }
    }
  }

  private Optional<Map<String, Report>> listOwned(Report.Kind kind, Tally t) {
    try {
      Map<String, Report> byRef = new HashMap<>();
      for (Report r : store.listOwned(kind)) byRef.put(r.ref(), r);
      return Optional.of(byRef);
    } catch (ReportStore.StoreException e) {
      if (e.code() == 404 && kind.group().equals(Report.OPEN_REPORTS_GROUP)) {
        t.notInstalled.add(kind);
        t.notes.add(kind.kind() + "s not published: the CRD " + kind.plural() + "." + kind.group() + " is not installed "
            + "(apply deploy/openreports/, or run with --openreports=false)");
      } else {
        t.failures.add(failure("list", kind, "", e));
      }
      return Optional.empty();
    }
  }

  /**
   * Creates or updates one object. {@code known} is what the listing said (empty optional inside: absent); an empty
   * outer optional means "not listed, read it first".
   */
  private void put(Report want, Optional<Optional<Report>> known, Tally t) {
    Optional<Report> current = Optional.empty();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      String verb = "get";
      try {
        current = attempt == 1 && known.isPresent() ? known.get() : store.get(want.kind(), want.namespace(), want.name());
        if (current.isEmpty()) {
          verb = "create";
          store.create(want);
          t.created++;
        } else if (current.get().contentHash().equals(want.contentHash())) {
          t.unchanged++;
        } else {
          verb = "update";
          store.update(want.over(current.get()));
          t.updated++;
        }
        return;
      } catch (ReportStore.StoreException e) {
        if (e.code() != 409 || attempt == ATTEMPTS) {
          t.failures.add(failure(verb, want.kind(), want.ref(), e));
          return;
        }
      }
    }
  }

  private void delete(Report old, Tally t) {
    try {
      store.delete(old.kind(), old.namespace(), old.name());
      t.deleted++;
    } catch (ReportStore.StoreException e) {
      t.failures.add(failure("delete", old.kind(), old.ref(), e));
    }
  }

  private static String failure(String verb, Report.Kind kind, String ref, ReportStore.StoreException e) {
    return verb + " " + kind.plural() + (ref.isEmpty() ? "" : " " + ref) + ": " + e.getMessage();
  }

  /** Counters of one publish. */
  private static final class Tally {
    int created, updated, unchanged, deleted;
    final List<String> failures = new ArrayList<>(), notes = new ArrayList<>();
    final Set<Report.Kind> notInstalled = java.util.EnumSet.noneOf(Report.Kind.class);

    PublishResult result() {
      return new PublishResult(created, updated, unchanged, deleted, failures, notes);
    }
  }
}
