package dev.wraith.cli;

import dev.wraith.attribution.Pin;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** --resolve, declared once for every command that attributes connections: sensor, tetragon, scan-all, aibom. */
final class ResolveOptions {
  @Option(names = "--resolve", paramLabel = "HOST=IP[:PORT]",
      description = "Treat connections to IP (on PORT, or any port) as connections to HOST (egress proxies). "
          + "Repeatable. IPv6 with a port: HOST=[::1]:443.")
  List<String> resolve = new ArrayList<>();

  /** The pins; a malformed one is a usage problem naming --resolve. */
  List<Pin> pins() {
    List<Pin> pins = new ArrayList<>();
    for (String r : resolve) {
      try {
        pins.add(Pin.parse(r));
      } catch (IllegalArgumentException e) {
        throw new Main.UsageProblem("--resolve: " + e.getMessage());
      }
    }
    return List.copyOf(pins);
  }
}
