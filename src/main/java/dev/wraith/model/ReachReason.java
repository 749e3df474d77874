package dev.wraith.model;

import java.util.Comparator;
import java.util.Locale;

/**
 * Why a workload can reach further than its own container: what its service account may do through RBAC,
 * how a Service exposes it, host namespaces it shares.
 *
 * @param detail a one-line human explanation naming the objects involved (never a secret value)
 */
public record ReachReason(Kind kind, String detail) implements Comparable<ReachReason> {
  /**
   * Between a reach line's kind and its detail, as the inventory lists them ("read-secrets — can read …"). Not a colon:
   * "read-secrets: can …" reads as a secret-named assignment to the redactor, which masks the detail's first word.
   */
  public static final String SEPARATOR = " — ";

  /** The line the inventory lists. */
  public String line() {
    return kind.id() + SEPARATOR + detail;
  }

  /** The kind a listed line starts with: "KIND — detail", or the "KIND: detail" of older state snapshots. */
  public static java.util.Optional<Kind> kindOf(String line) {
    for (Kind k : Kind.values()) {
      if (line.startsWith(k.id() + SEPARATOR) || line.startsWith(k.id() + ":")) return java.util.Optional.of(k);
    }
    return java.util.Optional.empty();
  }
  /** The kind of reach, loudest first. */
  public enum Kind {
    CLUSTER_ADMIN, READ_SECRETS, EXEC_PODS, CREATE_WORKLOADS, HOST_NAMESPACE, EXPOSED;

    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private static final Comparator<ReachReason> ORDER =
      Comparator.comparing(ReachReason::kind).thenComparing(ReachReason::detail);

  public ReachReason {
    if (kind == null || detail == null) throw new NullPointerException();
  }

  @Override
  public int compareTo(ReachReason o) {
    return ORDER.compare(this, o);
  }
}
