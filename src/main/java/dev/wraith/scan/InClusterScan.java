package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.cluster.KubeApi;
import dev.wraith.correlate.CorrelationInput;
import dev.wraith.incluster.InventorySource;
import dev.wraith.incluster.SensorCollection;
import dev.wraith.model.Inventory;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ScanReport;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The operator's scan of one cycle, through the same {@link Layer}s and {@link ScanAll} as scan-all: the cluster layer
 * over the scanner's read-only client, the node sensors' windows as the host layer (one per node), the other layers
 * skipped with the reason, correlated the same way scan-all does. No code is scanned in the cluster (run scan-all in CI
 * against the repositories); without code every observed agent is a ghost unless it is a known app or on the
 * allow-list, and declared workloads without traffic are listed too. A layer that throws fails the cycle (the loop
 * logs it and goes on), as it always did.
 */
public final class InClusterScan {
  /** The host layer in the cluster: what the node sensors served, collected by the loop before the scan. */
  public static final LayerId<SensorCollection> SENSORS = new LayerId<>("host", SensorCollection.class);

  private InClusterScan() {}

  /** Each cycle's inventory from {@code cluster} and the sensors' collection; history in {@code settings}' state. */
  public static InventorySource inventorySource(Catalogue cat, ScanReport.Tool tool, Clock clock, KubeApi cluster,
      ScanAllPipeline.Settings settings) {
    return new InventorySource() {
      @Override
      public Inventory scan(SensorCollection sensors) throws Exception {
        ScanAll layers = new ScanAll(layers(cluster, sensors), ScanAll.OnFailure.THROW);
        ScanAll.Request none = ScanAll.Request.none();
        ScanAll.Result result = layers.execute(cat, none, layers.planned(none, ScanAll.Environment.current()),
            ScanAll.Progress.NONE);
        List<CorrelationInput.NodeHost> nodes = result.result(SENSORS).map(SensorCollection::scans).orElse(List.of())
            .stream().map(n -> new CorrelationInput.NodeHost(n.node(), n.scan())).toList();
        return ScanAllPipeline.correlate(cat, result, tool, clock.instant(), settings, nodes);
      }

      @Override
      public boolean keepsHistory() {
        return settings.state().isPresent();
      }

      /** The state commit, after the cycle's AgentReports were published. */
      @Override
      public Optional<String> record(Inventory inventory) {
        return ScanAllPipeline.record(settings, inventory, Optional.empty()).map(LayerStatus::reason);
      }
    };
  }

  /** The operator's layers, in scan-all's report order. */
  static List<Layer<?>> layers(KubeApi cluster, SensorCollection sensors) {
    return List.of(
        Layer.skipped(LayerId.CODE, LayerPlan.Why.REQUESTED,
            "the in-cluster scanner reads no source; run scan-all over the repositories"),
        ClusterLayer.over(cluster, "the cluster API"),
        sensorsLayer(sensors),
        Layer.skipped(LayerId.TETRAGON, LayerPlan.Why.UNAVAILABLE, "not read by the in-cluster scanner in this version"),
        Layer.skipped(LayerId.MCP, LayerPlan.Why.UNAVAILABLE,
            "no MCP client configs inside the cluster; MCP servers in workloads are listed"));
  }

  /**
   * The sensors as the host layer. In the cluster no sensor answering is lost coverage, not an empty node, so it counts
   * as failed (and the publisher keeps the AgentReports the sensors found before).
   */
  private static Layer<SensorCollection> sensorsLayer(SensorCollection sensors) {
    return new Layer<>() {
      @Override
      public LayerId<SensorCollection> id() {
        return SENSORS;
      }

      @Override
      public LayerPlan plan(ScanAll.Request r, ScanAll.Environment e) {
        return LayerPlan.runs(SENSORS, "the node sensors' observations");
      }

      @Override
      public Ran<SensorCollection> run(Catalogue cat, ScanAll.Request r) {
        LayerStatus s = sensors.status();
        LayerStatus status = s.state() == LayerStatus.State.SKIPPED ? LayerStatus.failed(SENSORS.name(), s.reason()) : s;
        return Ran.of(sensors, status, sensors.scans().size() + " node windows");
      }
    };
  }
}
