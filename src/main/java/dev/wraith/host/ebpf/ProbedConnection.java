package dev.wraith.host.ebpf;

import java.time.Instant;
import java.util.List;

/**
 * One TCP connection a process opened, with everything the probe saw that names its destination.
 *
 * @param id the probe's id for the connection (unique while the probe runs)
 * @param source the local end; port 0 when the connection was never written on (bound after the connect event)
 * @param time when the process connected
 * @param request what its first write named (SNI, CONNECT target, HTTP method/Host/path), or {@link
 *     RequestName.None} with the reason (no bytes written, not TLS or HTTP, ...)
 * @param resolvedNames the names DNS answers gave the destination address for this process, else for its network
 *     namespace, else for its pod (the narrowest scope that has any), received before it connected and still within
 *     their TTL: most recent first ({@code DnsAnswers.namesFor})
 */
public record ProbedConnection(long id, ProbedProcess process, Endpoint source, Endpoint destination, Instant time,
    RequestName request, List<String> resolvedNames) {
  public ProbedConnection {
    resolvedNames = List.copyOf(resolvedNames);
  }
}
