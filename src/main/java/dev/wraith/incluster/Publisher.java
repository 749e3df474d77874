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
 * AgentReports wraith owns that the inventory no longer lists, and writes the summary last (with this publish's
 * outcome in it). Never throws for an API error: a refused or failed call becomes a failure in the result and the
 * next object is tried. Conflicts (409) are retried from a fresh read, up to {@value #ATTEMPTS} times.
 *
 * <p>Stale removal is skipped when the AgentReports could not be listed (we would not know what is stale) and when a
 * layer of the inventory failed (its agents would be missing, not gone).
 */
public final class Publisher {
  static final int ATTEMPTS = 3;

  private final ReportStore store;
  private final AgentReports reports;

  public Publisher(ReportStore store, AgentReports reports) {
    this.store = store;
    this.reports = reports;
  }

  public PublishResult publish(Inventory inventory) {
    Tally t = new Tally();
    List<Report> desired = reports.desired(inventory);
    Optional<Map<String, Report>> existing = listOwned(t);
    for (Report r : desired) put(r, existing, t);
    Optional<LayerStatus> failed = AgentReports.failedLayer(inventory);
    if (existing.isEmpty()) {
      t.notes.add("stale AgentReports not removed: they could not be listed");
    } else if (failed.isPresent()) {
      t.notes.add("stale AgentReports not removed: layer " + failed.get().layer() + " failed");
    } else {
      Set<String> keep = new TreeSet<>();
      desired.forEach(r -> keep.add(r.ref()));
      for (Report old : new java.util.TreeMap<>(existing.get()).values()) {
        if (!keep.contains(old.ref())) delete(old, t);
      }
    }
    PublishResult beforeSummary = t.result();
    put(reports.summary(inventory, beforeSummary), Optional.empty(), t);
    return t.result();
  }

  private Optional<Map<String, Report>> listOwned(Tally t) {
    try {
      Map<String, Report> byRef = new HashMap<>();
      for (Report r : store.listOwned(Report.Kind.AGENT_REPORT)) byRef.put(r.ref(), r);
      return Optional.of(byRef);
    } catch (ReportStore.StoreException e) {
      t.failures.add(failure("list", Report.Kind.AGENT_REPORT, "", e));
      return Optional.empty();
    }
  }

  /**
   * Creates or updates one object. {@code known} is what the listing said (empty optional inside: absent); an empty
   * outer optional means "not listed, read it first".
   */
  /** {@code listed}: the owned reports by ref when the listing worked, so the first attempt needs no get. */
  private void put(Report want, Optional<Map<String, Report>> listed, Tally t) {
    Optional<Report> current = Optional.empty();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      String verb = "get";
      try {
        current = attempt == 1 && listed.isPresent()
            ? Optional.ofNullable(listed.get().get(want.ref()))
            : store.get(want.kind(), want.namespace(), want.name());
        if (current.isEmpty()) {
          verb = "create";
          store.create(want);
          t.created++;
        } else if (current.get().contentHash().equals(want.contentHash())) {
          t.unchanged++;
        } else {
          verb = "update";
          store.update(want.withResourceVersion(current.get().resourceVersion()));
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

    PublishResult result() {
      return new PublishResult(created, updated, unchanged, deleted, failures, notes);
    }
  }
}
