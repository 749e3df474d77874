package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.files.Failures;
import dev.wraith.model.LayerStatus;
import dev.wraith.scan.ScanAll.OnFailure;
import dev.wraith.scan.ScanAll.Plan;
import dev.wraith.scan.ScanAll.Progress;
import dev.wraith.scan.ScanAll.Request;
import dev.wraith.scan.ScanAll.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The running half of {@link ScanAll}: the planned layers, each on its own thread of one pool, their results and
 * statuses gathered in plan order, and what a layer throws turned into its FAILED status or, for an operator cycle,
 * rethrown once every layer has finished.
 */
final class LayerExecution {
  private final List<Layer<?>> layers;
  private final OnFailure onFailure;

  LayerExecution(List<Layer<?>> layers, OnFailure onFailure) {
    this.layers = layers;
    this.onFailure = onFailure;
  }

  /**
   * Runs the layers {@code plan} says run, each on its own thread, and waits for all of them. A layer that throws is
   * FAILED with the reason ({@link OnFailure#STATUS}: the others still report), or fails the run
   * ({@link OnFailure#THROW}, after every layer finished).
   */
  Result run(Catalogue catalogue, Request r, Plan plan, Progress progress) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(layers.size(), runnable -> {
      Thread t = new Thread(runnable, "wraith-layer");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<LayerId<?>, Future<Finished<?>>> running = new LinkedHashMap<>();
      for (Layer<?> layer : layers) {
        LayerPlan lp = plan.layer(layer.id().name()).orElseThrow(() -> new IllegalArgumentException("no plan for " + layer.id()));
        if (lp.runs()) running.put(layer.id(), pool.submit(() -> runLayer(layer, catalogue, r, lp, progress)));
      }
      Result result = Result.of(List.of());
      List<LayerStatus> statuses = new ArrayList<>();
      Optional<Throwable> thrown = Optional.empty();
      for (LayerPlan lp : plan.layers()) {
        Future<Finished<?>> f = running.get(lp.id());
        if (f == null) {
          statuses.add(LayerStatus.skipped(lp.layer(), lp.how()));
          continue;
        }
        Finished<?> done = finished(lp.id(), f);
        statuses.add(done.ran().status());
        result = done.into(result);
        if (thrown.isEmpty()) thrown = done.thrown();
      }
      if (onFailure == OnFailure.THROW && thrown.isPresent()) {
        if (thrown.get() instanceof RuntimeException e) throw e;
        if (thrown.get() instanceof Error e) throw e;
        throw new IllegalStateException(Failures.describe(thrown.get(), "a layer"), thrown.get());
      }
      return new Result(result.results(), statuses);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One layer's run, and what it threw if it did (then {@code ran} is its FAILED status). */
  private record Finished<R>(LayerId<R> id, Layer.Ran<R> ran, Optional<Throwable> thrown) {
    Result into(Result result) {
      return ran.result().map(v -> result.with(id, v)).orElse(result);
    }
  }

  private static Finished<?> finished(LayerId<?> id, Future<Finished<?>> f) throws InterruptedException {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException ex) {
      return failed(id, ex.getCause());
    }
  }

  private static <R> Finished<R> failed(LayerId<R> id, Throwable t) {
    return new Finished<>(id, Layer.Ran.failed(LayerStatus.failed(id.name(), Failures.describe(t, "the " + id + " layer"))),
        Optional.of(t));
  }

  private static <R> Finished<?> runLayer(Layer<R> layer, Catalogue cat, Request r, LayerPlan lp, Progress progress) {
    progress.started(layer.id(), lp.how());
    Finished<R> done;
    try {
      done = new Finished<>(layer.id(), layer.run(cat, r), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done = new Finished<>(layer.id(), new Layer.Ran<>(Optional.empty(), LayerStatus.failed(layer.id().name(), "interrupted"),
          "interrupted"), Optional.empty());
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      done = failed(layer.id(), e);
    }
    progress.finished(layer.id(), done.ran().status(), done.ran().summary());
    return done;
  }
}
