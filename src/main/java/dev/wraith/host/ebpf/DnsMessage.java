package dev.wraith.host.ebpf;

import java.util.List;

/**
 * A DNS response as a process received it, reduced to what attribution needs: the question name and the
 * addresses it leads to.
 *
 * @param question the first question's name, lower case, without the trailing dot
 * @param rcode the response code (0 NOERROR, 3 NXDOMAIN, ...)
 * @param cnames the CNAME chain followed from the question, in order (empty when the answer is direct)
 * @param addresses the A and AAAA records of the question's name or of a name on its CNAME chain, in message
 *     order, each with the smallest TTL met on the way to it (a CNAME that expires sooner ends the answer sooner)
 */
public record DnsMessage(String question, int rcode, List<String> cnames, List<Address> addresses) {
  public DnsMessage {
    cnames = List.copyOf(cnames);
    addresses = List.copyOf(addresses);
  }

  /** One address of an answer with its time to live in seconds. */
  public record Address(String ip, long ttl) {}
}
