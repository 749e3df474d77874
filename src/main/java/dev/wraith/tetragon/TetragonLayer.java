package dev.wraith.tetragon;

import dev.wraith.attribution.Attributor;
import dev.wraith.attribution.Pin;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.model.LayerStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The kernel layer in one call, for {@code wraith tetragon} and {@code wraith scan-all}: Tetragon's JSON export
 * files when there are any (no socket is opened), else its live gRPC stream for a bounded time. Destinations
 * are attributed by the catalogue and the operator's pins, never by DNS (the answers of now say nothing about
 * when recorded events happened). Never throws for what it meets: an unreadable file, an unreachable or
 * refused server is a FAILED status with the reason; a dropped stream, unreadable lines or rate-limited events
 * are warnings (PARTIAL).
 */
public final class TetragonLayer {
  private TetragonLayer() {}

  /**
   * Reads the Tetragon events of a scan and attributes their connections.
   *
   * @param files JSON export files (NDJSON, rotated .gz, saved kubectl logs); when non-empty, address and
   *     duration are not used
   * @param address the gRPC address ({@code unix:///path} or {@code host:port}); empty: {@link TetragonAddress#DEFAULT}
   * @param duration how long to read the live stream; must be positive
   */
  public static TetragonScan scan(Catalogue catalogue, List<Path> files, Optional<String> address, List<Pin> pins,
      Duration duration) {
    TetragonCollector collector = new TetragonCollector(new Attributor(catalogue, pins, Optional.empty()));
    if (!files.isEmpty()) return collector.collect(new JsonExportSource(files));
    String a = address.orElse(TetragonAddress.DEFAULT);
    TetragonAddress parsed;
    try {
      parsed = TetragonAddress.parse(a);
    } catch (IllegalArgumentException e) {
      return failed("gRPC " + a, "--tetragon-address " + e.getMessage());
    }
    if (duration.isNegative() || duration.isZero()) return failed("gRPC " + a, "a live read needs a positive duration");
    return collector.collect(new GrpcEventSource(parsed, Optional.of(duration)));
  }

  private static TetragonScan failed(String source, String why) {
    return new TetragonScan(source, Instant.EPOCH, Instant.EPOCH, List.of(), LayerStatus.failed(TetragonCollector.LAYER, why),
        new TetragonScan.Stats(0, 0, 0, 0, 0, 0, 0, 0, 0));
  }
}
