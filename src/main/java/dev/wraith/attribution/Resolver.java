package dev.wraith.attribution;

import java.net.InetAddress;
import java.util.List;

/** Forward name resolution, the DNS cache's port to the world. May block; the cache bounds it. */
@FunctionalInterface
public interface Resolver {
  List<InetAddress> resolve(String host) throws Exception;

  /** The platform resolver (honours the node's /etc/resolv.conf and nsswitch). */
  static Resolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
