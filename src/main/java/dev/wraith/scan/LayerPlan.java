package dev.wraith.scan;

/**
 * One layer's plan, decided without touching the network or starting anything: it runs, and how ("offline snapshot",
 * "live cluster, context prod"), or it is skipped, with a typed reason and the sentence that says it (what
 * {@code scan-all --dry-run} prints and a skipped layer's status carries).
 */
public sealed interface LayerPlan permits LayerPlan.Runs, LayerPlan.Skipped {
  /** Why a layer does not run. */
  enum Why {
    /** The user or the command asked not to run it ({@code --skip-layers}, the demo, the in-cluster scanner). */
    REQUESTED,
    /** Nothing was given for it to read (no PATH). */
    NO_INPUT,
    /** This machine cannot run it: not Linux, no cluster, no Tetragon socket, no home directory. */
    UNAVAILABLE
  }

  LayerId<?> id();

  /** How the layer runs, or why it does not. */
  String how();

  /** The layer's name. */
  default String layer() {
    return id().name();
  }

  default boolean runs() {
    return this instanceof Runs;
  }

  record Runs(LayerId<?> id, String how) implements LayerPlan {}

  record Skipped(LayerId<?> id, Why why, String how) implements LayerPlan {}

  static LayerPlan runs(LayerId<?> id, String how) {
    return new Runs(id, how);
  }

  static LayerPlan skipped(LayerId<?> id, Why why, String how) {
    return new Skipped(id, why, how);
  }
}
