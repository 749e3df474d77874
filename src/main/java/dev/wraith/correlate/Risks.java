package dev.wraith.correlate;

import dev.wraith.model.Classification;
import dev.wraith.model.ReachReason;
import dev.wraith.model.Risk;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Risk per agent: a base level per class (observed GHOST CRITICAL, declared-only GHOST HIGH, CONFIRMED HIGH,
 * UNKNOWN MEDIUM, SHADOW AI MEDIUM, ZOMBIE LOW), raised one level, at most once and up to CRITICAL, when the agent
 * holds code-execution, shell or filesystem tools (code) or broad cluster reach (cluster-admin, read-secrets,
 * exec-pods, create-workloads, host-namespace). Each decision is one plain-language reason.
 */
final class Risks {
  static final Set<String> RISKY_CAPABILITIES = dev.wraith.model.CodeAgent.RISKY_CAPABILITIES;
  static final Set<ReachReason.Kind> BROAD_REACH = EnumSet.of(ReachReason.Kind.CLUSTER_ADMIN, ReachReason.Kind.READ_SECRETS,
      ReachReason.Kind.EXEC_PODS, ReachReason.Kind.CREATE_WORKLOADS, ReachReason.Kind.HOST_NAMESPACE);

  private Risks() {}

  record Rated(Risk risk, List<String> reasons) {}

  /** @param reach as the inventory lists it: "KIND-ID — detail" ({@link #REACH_SEPARATOR}) */
  static Rated rate(Classification c, boolean observed, List<String> capabilities, List<String> reach) {
    return rate(c, observed, false, capabilities, reach);
  }

  /**
   * @param suspected a ghost whose AI traffic rests on weak (address-only) evidence: rated as if confirmed, then one
   *     level lower, so a suspected ghost is never CRITICAL, and the reason says both levels
   */
  static Rated rate(Classification c, boolean observed, boolean suspected, List<String> capabilities, List<String> reach) {
    Rated full = rateConfirmed(c, observed, capabilities, reach);
    if (!suspected) return full;
    Risk lowered = full.risk().lower();
    String why = full.reasons().get(0).substring(("Risk " + full.risk() + ": ").length());
    return new Rated(lowered, List.of("Risk " + lowered + ": " + why + " (" + full.risk() + " if confirmed); one level "
        + "lower because only address evidence names its AI traffic"));
  }

  private static Rated rateConfirmed(Classification c, boolean observed, List<String> capabilities, List<String> reach) {
    Risk base = base(c, observed);
    List<String> reasons = new ArrayList<>();
    List<String> caps = capabilities.stream().filter(RISKY_CAPABILITIES::contains).sorted().toList();
    List<String> broad = reach.stream().map(Risks::kindOf).filter(k -> BROAD_REACH.stream().anyMatch(b -> b.id().equals(k)))
        .distinct().sorted().toList();
    Risk risk = base;
    if (!caps.isEmpty() || !broad.isEmpty()) {
      risk = base.raise();
      List<String> why = new ArrayList<>();
      if (!caps.isEmpty()) why.add("holds " + String.join(", ", caps) + " tools");
      if (!broad.isEmpty()) why.add("can reach " + String.join(", ", broad) + " in the cluster");
      reasons.add(base == Risk.CRITICAL
          ? "Risk CRITICAL: " + baseWhy(c, observed) + "; it also " + String.join(" and ", why)
          : "Risk " + risk + ": " + baseWhy(c, observed) + " (" + base + "), raised because it " + String.join(" and ", why));
    } else {
      reasons.add("Risk " + risk + ": " + baseWhy(c, observed));
    }
    return new Rated(risk, reasons);
  }

  static Risk base(Classification c, boolean observed) {
    return switch (c) {
      case GHOST -> observed ? Risk.CRITICAL : Risk.HIGH;
      case CONFIRMED -> Risk.HIGH;
      case UNKNOWN, SHADOW_AI -> Risk.MEDIUM;
      case ZOMBIE -> Risk.LOW;
    };
  }

  private static String baseWhy(Classification c, boolean observed) {
    return switch (c) {
      case GHOST -> observed ? "AI traffic from code no scanned repository owns" : "declares AI with no code behind it";
      case CONFIRMED -> "an agent running in production";
      case UNKNOWN -> "AI code not seen running";
      case SHADOW_AI -> "third-party AI outside code review";
      case ZOMBIE -> "no longer seen running";
    };
  }

  /**
   * Between a reach's kind and its detail. Not a colon: "read-secrets: can …" reads as a secret-named header to the
   * redactor, which then masks the first word of the detail.
   */
  static final String REACH_SEPARATOR = " — ";

  /** "read-secrets — ..." → "read-secrets" (and the "read-secrets: ..." of older state snapshots). */
  static String kindOf(String reach) {
    int i = reach.indexOf(REACH_SEPARATOR);
    if (i < 0) i = reach.indexOf(':');
    return i < 0 ? reach : reach.substring(0, i);
  }
}
