package dev.wraith.cli;

import dev.wraith.tetragon.TetragonAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where Tetragon's events come from, and the DNS answers that name them: for {@code tetragon}, scan-all and aibom. */
final class TetragonOptions {
  @Option(names = "--tetragon-events", paramLabel = "FILE",
      description = "Tetragon JSON export (NDJSON; rotated .gz files and saved kubectl logs of the export-stdout "
          + "container work too). Repeatable. No gRPC connection is made.")
  List<Path> events = new ArrayList<>();

  @Option(names = "--tetragon-address", paramLabel = "ADDR",
      description = "Tetragon's gRPC API: unix:///path/to.sock or host:port. Default (without --tetragon-events): "
          + TetragonAddress.DEFAULT + ", the Helm chart's socket (scan-all: when it exists).")
  String address;

  @Option(names = "--dns-log", paramLabel = "FILE",
      description = "DNS answers the sensor recorded (wraith sensor --format json lines; only \"dns-answer\" lines are "
          + "read, .gz too): each connection is attributed by the names its process, network namespace or pod resolved "
          + "to that address within the answer's TTL. Repeatable.")
  List<Path> dnsLogs = new ArrayList<>();
}
