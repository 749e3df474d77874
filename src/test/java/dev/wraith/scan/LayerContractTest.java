package dev.wraith.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.code.CodeScanner;
import dev.wraith.correlate.AllowList;
import dev.wraith.model.Counted;
import dev.wraith.model.Inventory;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sixth layer is one class implementing {@link Layer} and one registration: this test-only layer, registered beside
 * the built-in ones, is planned, skipped, run, reported to progress, failed and correlated through exactly the path
 * scan-all takes ({@link ScanAll}, then {@link ScanAllPipeline#correlate}), and its typed result comes back by its id.
 */
class LayerContractTest {
  @TempDir Path dir;

  /** What the test layer finds: Jupyter checkpoint directories under the scanned trees. */
  record Checkpoints(List<String> directories) {}

  /** The sixth layer: everything a newcomer writes. */
  static class CheckpointLayer implements Layer<Checkpoints> {
    static final LayerId<Checkpoints> ID = new LayerId<>("checkpoints", Checkpoints.class);

    @Override
    public LayerId<Checkpoints> id() {
      return ID;
    }

    @Override
    public LayerPlan plan(ScanAll.Request r, ScanAll.Environment e) {
      if (r.roots().isEmpty()) return LayerPlan.skipped(ID, LayerPlan.Why.NO_INPUT, "no PATH given");
      return LayerPlan.runs(ID, "Jupyter checkpoints under " + Counted.of(r.roots().size(), "source tree"));
    }

    @Override
    public Ran<Checkpoints> run(Catalogue catalogue, ScanAll.Request r) throws IOException {
      List<String> found = new ArrayList<>();
      for (Path root : r.roots()) {
        try (Stream<Path> all = Files.walk(root)) {
          all.filter(p -> p.getFileName().toString().equals(".ipynb_checkpoints"))
              .forEach(p -> found.add(root.relativize(p).toString()));
        }
      }
      Collections.sort(found);
      return Ran.of(new Checkpoints(found), LayerStatus.ran(ID.name(), List.of()),
          Counted.of(found.size(), "checkpoint directory", "checkpoint directories"));
    }
  }

  /** A layer whose disk fails under it. */
  static final class BrokenLayer implements Layer<Checkpoints> {
    @Override
    public LayerId<Checkpoints> id() {
      return CheckpointLayer.ID;
    }

    @Override
    public LayerPlan plan(ScanAll.Request r, ScanAll.Environment e) {
      return LayerPlan.runs(id(), "always");
    }

    @Override
    public Ran<Checkpoints> run(Catalogue catalogue, ScanAll.Request r) throws IOException {
      throw new IOException("Input/output error");
    }
  }

  /** The test registry: every built-in layer, then the new one. */
  private static List<Layer<?>> registry(Layer<?> extra) {
    List<Layer<?>> layers = new ArrayList<>(Registry.layers());
    layers.add(extra);
    return layers;
  }

  /** The built-in runtime layers skipped, so that only code and the new layer run (no network, no /proc window). */
  private ScanAll.Request request(List<Path> roots, List<String> skip) {
    List<String> skipped = new ArrayList<>(List.of("cluster", "host", "tetragon", "mcp"));
    skipped.addAll(skip);
    return new ScanAll.Request(roots, new CodeScanner.Options(List.of(), true, 1), List.of(), null, List.of(), List.of(),
        Path.of("/proc"), false, dev.wraith.host.ebpf.ProbeMode.PROC, List.of(), null, dir, List.of(), List.of(),
        Duration.ofSeconds(1), skipped, Optional.empty());
  }

  private static final ScanAll.Environment LINUX = new ScanAll.Environment("Linux", Map.of(), Path.of("/nonexistent"));

  /** Records what progress hears, as the terminal would show it. */
  static final class Heard implements ScanAll.Progress {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void started(LayerId<?> layer, String how) {
      lines.add("started " + layer + ": " + how);
    }

    @Override
    public void finished(LayerId<?> layer, LayerStatus status, String summary) {
      lines.add("finished " + layer + ": " + status.state().id() + ", " + summary);
    }
  }

  @Test
  void aSixthLayerIsPlannedRunAndReportedLikeTheBuiltInOnes() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("notebooks"));
    Files.createDirectories(tree.resolve("b/.ipynb_checkpoints"));
    Files.createDirectories(tree.resolve("a/.ipynb_checkpoints"));
    Files.writeString(tree.resolve("a/agent.py"), "import openai\nclient = openai.OpenAI()\n");
    Catalogue cat = CatalogueLoader.bundled();
    ScanAll scanAll = new ScanAll(registry(new CheckpointLayer()), ScanAll.OnFailure.STATUS);
    ScanAll.Request r = request(List.of(tree), List.of());

    ScanAll.Plan plan = scanAll.planned(r, LINUX);
    assertThat(plan.layers()).extracting(LayerPlan::layer)
        .containsExactly("code", "cluster", "host", "tetragon", "mcp", "checkpoints");
    assertThat(plan.layer("checkpoints").orElseThrow()).isEqualTo(LayerPlan.runs(CheckpointLayer.ID,
        "Jupyter checkpoints under 1 source tree"));

    Heard heard = new Heard();
    ScanAll.Result result = scanAll.execute(cat, r, plan, heard);
    assertThat(result.result(CheckpointLayer.ID)).contains(new Checkpoints(List.of("a/.ipynb_checkpoints",
        "b/.ipynb_checkpoints")));
    assertThat(result.code()).hasValueSatisfying(c -> assertThat(c.agents()).isNotEmpty());
    assertThat(heard.lines).contains("started checkpoints: Jupyter checkpoints under 1 source tree",
        "finished checkpoints: ran, 2 checkpoint directories");
    assertThat(result.statuses()).extracting(LayerStatus::layer)
        .containsExactly("code", "cluster", "host", "tetragon", "mcp", "checkpoints");

    Inventory inv = ScanAllPipeline.correlate(cat, result, new ScanReport.Tool("wraith", "test", cat.version(), cat.schema()),
        Instant.parse("2026-12-07T12:00:00Z"), new ScanAllPipeline.Settings(Optional.empty(), AllowList.EMPTY, ""));
    assertThat(inv.layers()).filteredOn(l -> l.layer().equals("checkpoints")).singleElement()
        .satisfies(l -> assertThat(l.state()).isEqualTo(LayerStatus.State.RAN));
  }

  @Test
  void aSixthLayerIsSkippedByNameOrForWantOfInputWithATypedReason() throws Exception {
    ScanAll scanAll = new ScanAll(registry(new CheckpointLayer()), ScanAll.OnFailure.STATUS);
    ScanAll.Plan byName = scanAll.planned(request(List.of(dir), List.of("checkpoints")), LINUX);
    assertThat(byName.layer("checkpoints").orElseThrow()).isEqualTo(LayerPlan.skipped(CheckpointLayer.ID,
        LayerPlan.Why.REQUESTED, "skipped by --skip-layers"));
    ScanAll.Request nothing = request(List.of(), List.of());
    ScanAll.Plan noInput = scanAll.planned(nothing, LINUX);
    assertThat(noInput.layer("checkpoints").orElseThrow()).isEqualTo(LayerPlan.skipped(CheckpointLayer.ID,
        LayerPlan.Why.NO_INPUT, "no PATH given"));
    ScanAll.Result result = scanAll.execute(CatalogueLoader.bundled(), nothing, noInput, ScanAll.Progress.NONE);
    assertThat(result.result(CheckpointLayer.ID)).isEmpty();
    assertThat(result.statuses()).contains(LayerStatus.skipped("checkpoints", "no PATH given"));
  }

  @Test
  void aLayerThatThrowsFailsAloneOrFailsTheRunWhenTheCallerSaysSo() throws Exception {
    Files.writeString(dir.resolve("agent.py"), "import openai\n");
    Catalogue cat = CatalogueLoader.bundled();
    ScanAll.Request r = request(List.of(dir), List.of());
    ScanAll alone = new ScanAll(registry(new BrokenLayer()), ScanAll.OnFailure.STATUS);
    ScanAll.Result result = alone.execute(cat, r, alone.planned(r, LINUX), ScanAll.Progress.NONE);
    assertThat(result.statuses()).contains(LayerStatus.failed("checkpoints", "Input/output error"));
    assertThat(result.statuses()).filteredOn(s -> s.layer().equals("code")).singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(LayerStatus.State.RAN));
    assertThat(result.code()).isPresent();

    ScanAll strict = new ScanAll(registry(new BrokenLayer()), ScanAll.OnFailure.THROW);
    assertThatThrownBy(() -> strict.execute(cat, r, strict.planned(r, LINUX), ScanAll.Progress.NONE))
        .hasMessageContaining("Input/output error");
  }

  @Test
  void layerNamesAreUniqueKebabCaseAndNeverTheStateDatabases() {
    assertThatThrownBy(() -> new ScanAll(registry(Layer.skipped(LayerId.CODE, LayerPlan.Why.REQUESTED, "twice")),
        ScanAll.OnFailure.STATUS)).hasMessageContaining("two layers with one name");
    assertThatThrownBy(() -> new LayerId<>("state", String.class)).hasMessageContaining("reserved");
    assertThatThrownBy(() -> new LayerId<>("Code Layer", String.class)).hasMessageContaining("kebab-case");
    assertThat(Registry.layerNames()).containsExactly("code", "cluster", "host", "tetragon", "mcp");
    Layer<Checkpoints> confused = new CheckpointLayer() {
      @Override
      public LayerPlan plan(ScanAll.Request r, ScanAll.Environment e) {
        return LayerPlan.runs(LayerId.CODE, "as if it were the code layer");
      }
    };
    ScanAll withConfused = new ScanAll(List.of(confused), ScanAll.OnFailure.STATUS);
    assertThatThrownBy(() -> withConfused.planned(request(List.of(dir), List.of()), LINUX))
        .hasMessageContaining("the checkpoints layer planned for code");
  }

  @Test
  void aResultIsHeldUnderItsTypedIdOnly() {
    ScanAll.Result r = ScanAll.Result.of(List.of()).with(CheckpointLayer.ID, new Checkpoints(List.of("x")));
    assertThat(r.result(CheckpointLayer.ID)).contains(new Checkpoints(List.of("x")));
    assertThat(r.result(LayerId.MCP)).isEmpty();
    Map<LayerId<?>, Object> wrong = Map.of(LayerId.MCP, new Checkpoints(List.of()));
    assertThatThrownBy(() -> new ScanAll.Result(wrong, List.of())).isInstanceOf(ClassCastException.class);
  }
}
