package dev.wraith.scan;

import dev.wraith.attribution.Attributor;
import dev.wraith.attribution.DnsCache;
import dev.wraith.attribution.Pin;
import dev.wraith.attribution.Resolver;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.host.LiveProcFs;
import dev.wraith.host.Sensor;
import dev.wraith.model.HostScan;
import dev.wraith.redact.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Wires the host layer: a sensor over a proc root with the catalogue's attribution (pins, hosts files, a
 * background DNS cache unless disabled, published ranges, model-server ports). Open once, observe one or
 * many windows, close to stop the DNS refresher.
 */
public final class HostLayer implements AutoCloseable {
  /** How long a forward-resolved answer is trusted, and how long one lookup may take. */
  static final Duration DNS_TTL = Duration.ofSeconds(60), DNS_TIMEOUT = Duration.ofSeconds(2);

  /** At most this many processes are listed for MCP server discovery. */
  static final int MAX_PROCESSES = 50_000;

  private final Sensor sensor;
  private final Optional<DnsCache> dns;
  private final dev.wraith.host.ProcFs proc;
  private final Redactor redactor;

  private HostLayer(Sensor sensor, Optional<DnsCache> dns, dev.wraith.host.ProcFs proc, Redactor redactor) {
    this.sensor = sensor;
    this.redactor = redactor;
    this.dns = dns;
    this.proc = proc;
  }

  public static HostLayer open(Catalogue catalogue, Path procRoot, List<Pin> pins, boolean resolveDns) {
    Optional<DnsCache> dns = resolveDns
        ? Optional.of(new DnsCache(Attributor.resolvableHosts(catalogue), Resolver.system(), DNS_TTL, DNS_TIMEOUT,
            Clock.systemUTC()).start())
        : Optional.empty();
    Attributor attributor = new Attributor(catalogue, pins, dns);
    LiveProcFs proc = new LiveProcFs(procRoot);
    Sensor sensor = new Sensor(proc, attributor, Redactor.of(catalogue), Clock.systemUTC(),
        () -> dns.map(d -> List.of(d.summary())).orElse(List.of("DNS cache: off (--no-dns)")));
    return new HostLayer(sensor, dns, proc, Redactor.of(catalogue));
  }

  public HostScan observe(Duration window, Duration interval) throws InterruptedException {
    return sensor.observe(window, interval);
  }

  /** Every process now (argv masked as the sensor masks it), for MCP server discovery. */
  public List<dev.wraith.model.ProcessInfo> processes() throws java.io.IOException {
    return dev.wraith.host.ProcessList.snapshot(proc, MAX_PROCESSES, redactor);
  }

  @Override
  public void close() {
    dns.ifPresent(DnsCache::close);
  }
}
