package dev.wraith.tetragon;

import dev.wraith.attribution.Attributor;
import dev.wraith.attribution.DnsAnswerLog;
import dev.wraith.attribution.DnsAnswers;
import dev.wraith.attribution.Pin;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.TetragonScan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel layer in one call, for {@code wraith tetragon} and {@code wraith scan-all}: Tetragon's JSON export
 * files when there are any (no socket is opened), else its live gRPC stream for a bounded time. Destinations
 * are attributed by the DNS answers the sensor recorded ({@code --dns-log}: the names each process resolved at the
 * time), the operator's pins and the catalogue, never by DNS lookups of now (today's answers say nothing about when
 * recorded events happened). Never throws for what it meets: an unreadable file, an unreachable or refused server is
 * a FAILED status with the reason; a dropped stream, unreadable lines or rate-limited events are warnings (PARTIAL).
 */
public final class TetragonLayer {
  private TetragonLayer() {}

  /**
   * Reads the Tetragon events of a scan and attributes their connections.
   *
   * @param files JSON export files (NDJSON, rotated .gz, saved kubectl logs); when non-empty, address and
   *     duration are not used
   * @param address the gRPC address ({@code unix:///path} or {@code host:port}); empty: {@link TetragonAddress#DEFAULT}
   * @param dnsLogs JSON-lines files with the sensor's {@code dns-answer} lines (other lines are skipped)
   * @param duration how long to read the live stream; must be positive
   */
  public static TetragonScan scan(Catalogue catalogue, List<Path> files, Optional<String> address, List<Pin> pins,
      List<Path> dnsLogs, Duration duration) {
    if (!files.isEmpty()) return scan(catalogue, new JsonExportSource(files), pins, dnsLogs);
    String a = address.orElse(TetragonAddress.DEFAULT);
    TetragonAddress parsed;
    try {
      parsed = TetragonAddress.parse(a);
    } catch (IllegalArgumentException e) {
      return failed("gRPC " + a, "--tetragon-address " + e.getMessage());
    }
    if (duration.isNegative() || duration.isZero()) return failed("gRPC " + a, "a live read needs a positive duration");
    return scan(catalogue, new GrpcEventSource(parsed, Optional.of(duration)), pins, dnsLogs);
  }

  /**
   * Reads {@code source} (export files, or a live stream its caller may stop) and attributes its connections by the
   * DNS logs, the pins and the catalogue.
   */
  public static TetragonScan scan(Catalogue catalogue, EventSource source, List<Pin> pins, List<Path> dnsLogs) {
    Recorded dns = recorded(dnsLogs);
    TetragonCollector collector = new TetragonCollector(new Attributor(catalogue, pins, Optional.empty()), dns.answers(),
        dev.wraith.redact.Redactor.of(catalogue));
    return withWarnings(collector.collect(source), dns.warnings());
  }

  /** The answers of the DNS logs and what reading them met. */
  public record Recorded(DnsAnswers answers, List<String> warnings) {}

  /** Reads the {@code --dns-log} files; an unreadable file or line, or a file without answers, is a warning. */
  public static Recorded recorded(List<Path> dnsLogs) {
    DnsAnswers answers = new DnsAnswers();
    if (dnsLogs.isEmpty()) return new Recorded(answers, List.of());
    DnsAnswerLog.Result r = DnsAnswerLog.read(dnsLogs, answers);
    List<String> warnings = new ArrayList<>(r.warnings());
    if (r.answers() == 0) {
      warnings.add("--dns-log: no dns-answer lines in " + String.join(", ", dnsLogs.stream().map(Path::toString).toList())
          + "; destinations are attributed by address only");
    }
    return new Recorded(answers, warnings);
  }

  /** The scan with more warnings (a RAN status becomes PARTIAL). */
  public static TetragonScan withWarnings(TetragonScan scan, List<String> more) {
    if (more.isEmpty() || scan.status().state() == LayerStatus.State.FAILED) return scan;
    List<String> all = new ArrayList<>(more);
    all.addAll(scan.status().warnings());
    LayerStatus s = new LayerStatus(scan.status().layer(), LayerStatus.State.PARTIAL, scan.status().reason(), all);
    return new TetragonScan(scan.source(), scan.start(), scan.end(), scan.observations(), scan.inCluster(),
        scan.unattributed(), s, scan.stats());
  }

  private static TetragonScan failed(String source, String why) {
    return new TetragonScan(source, Instant.EPOCH, Instant.EPOCH, List.of(), LayerStatus.failed(TetragonCollector.LAYER, why),
        new TetragonScan.Stats(0, 0, 0, 0, 0, 0, 0, 0, 0));
  }
}
