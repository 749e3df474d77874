package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.model.LayerStatus;
import java.util.Optional;

/**
 * The contract every layer of scan-all, the demo, aibom and the operator fulfils, registered in
 * {@link Registry#layers()}. {@link ScanAll} plans each layer, runs those that can run concurrently, and gathers their
 * typed results and statuses; nothing else knows which layers exist. Adding a layer is one class implementing this and
 * one line in the registry (see docs/architecture.md, "Adding a layer").
 *
 * @param <R> what the layer produces, the type its {@link LayerId} names
 */
public interface Layer<R> {
  LayerId<R> id();

  /**
   * Whether this layer can run for {@code request} on this machine, and how; or why not. Pure: reads at most file
   * metadata, contacts nothing, starts nothing. {@code --skip-layers} is applied before this is asked.
   */
  LayerPlan plan(ScanAll.Request request, ScanAll.Environment environment);

  /**
   * Runs the layer as planned. Problems the layer meets belong in its status (PARTIAL with warnings, FAILED with the
   * reason); an exception fails this layer only (the others still report), and an interrupt stops it.
   */
  Ran<R> run(Catalogue catalogue, ScanAll.Request request) throws Exception;

  /** A layer that never runs where it is used, saying why (the operator's code, Tetragon and MCP layers). */
  static <R> Layer<R> skipped(LayerId<R> id, LayerPlan.Why why, String reason) {
    return new Layer<>() {
      @Override
      public LayerId<R> id() {
        return id;
      }

      @Override
      public LayerPlan plan(ScanAll.Request request, ScanAll.Environment environment) {
        return LayerPlan.skipped(id, why, reason);
      }

      @Override
      public Ran<R> run(Catalogue catalogue, ScanAll.Request request) {
        throw new IllegalStateException("the " + id + " layer does not run here: " + reason);
      }
    };
  }

  /**
   * What a run produced: the result (empty when nothing could be read; then {@code status} says why), the layer's
   * status, and a one-line summary for progress ("12 files read, 2 agents in code").
   */
  record Ran<R>(Optional<R> result, LayerStatus status, String summary) {
    public static <R> Ran<R> of(R result, LayerStatus status, String summary) {
      return new Ran<>(Optional.of(result), status, summary);
    }

    public static <R> Ran<R> failed(LayerStatus status) {
      return new Ran<>(Optional.empty(), status, "failed");
    }
  }
}
