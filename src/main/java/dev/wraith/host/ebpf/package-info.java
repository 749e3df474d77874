/**
 * wraith's eBPF probe: the loader subprocess behind the {@link dev.wraith.host.ebpf.KernelProbe} port (and a
 * fixture implementation), the typed {@link dev.wraith.host.ebpf.KernelEvent}s decoded from its frames, the
 * parsers that reduce payload to names at once (DNS answers, TLS SNI, HTTP CONNECT and request heads), and the
 * aggregation into one {@link dev.wraith.host.ebpf.ProbedConnection} per connection.
 */
package dev.wraith.host.ebpf;
