package dev.wraith.correlate;

import dev.wraith.model.ExecSession;
import dev.wraith.model.ProcessOrigin;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who exec'd a process: the allowed audit-log exec session (or debug container) into the same cluster, namespace, pod and
 * container (a session without container matches any), preferring one whose command names the process's entry
 * script or executable, then the latest that started no later than the process was first seen.
 */
final class AuditJoin {
  private AuditJoin() {}

  static Optional<ExecSession> session(RuntimeSubject s, List<ExecSession> sessions) {
    if (s.origin().orElse(ProcessOrigin.CONTAINER) != ProcessOrigin.EXEC || s.place().pod().isEmpty()) return Optional.empty();
    Instant first = s.sightings().stream().map(x -> x.observation().firstSeen()).min(Comparator.naturalOrder()).orElse(Instant.MAX);
    List<ExecSession> candidates = sessions.stream()
        .filter(e -> !e.denied() && e.cluster().equals(s.place().cluster()) && e.namespace().equals(s.place().namespace())
            && e.pod().equals(s.place().pod())
            && (e.container().isEmpty() || e.container().equals(s.place().container())))
        .filter(e -> time(e).map(t -> !t.isAfter(first)).orElse(true))
        .toList();
    Comparator<ExecSession> order = Comparator.comparing((ExecSession e) -> names(e, s))
        .thenComparing(e -> time(e).orElse(Instant.EPOCH)).thenComparing(Comparator.naturalOrder());
    return candidates.stream().max(order);
  }

  private static boolean names(ExecSession e, RuntimeSubject s) {
    if (e.command().isEmpty()) return false;
    return s.paths().stream().anyMatch(p -> e.command().contains(p) || e.command().contains(PathMatch.basename(p)));
  }

  static Optional<Instant> time(ExecSession e) {
    try {
      return e.time().isEmpty() ? Optional.empty() : Optional.of(Instant.parse(e.time()));
    } catch (DateTimeParseException ex) {
      return Optional.empty();
    }
  }
}
