package dev.wraith.attribution;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An /etc/hosts file: IP → names. Lines that do not start with an IP literal are ignored, as the resolver
 * ignores them. Containers get their own (kubelet writes hostAliases into it), so each view is per process.
 */
public final class HostsFile {
  public static final HostsFile EMPTY = new HostsFile(Map.of());

  private final Map<InetAddress, List<String>> names;

  private HostsFile(Map<InetAddress, List<String>> names) {
    this.names = names;
  }

  public static HostsFile parse(String text) {
    Map<InetAddress, List<String>> map = new HashMap<>();
    for (String raw : text.split("\n", -1)) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
      if (line.isEmpty()) continue;
      String[] parts = line.split("\\s+", -1);
      if (parts.length < 2) continue;
      InetAddress ip;
      try {
        ip = Pin.literal(parts[0], line);
      } catch (IllegalArgumentException e) {
        continue;
      }
      List<String> list = map.computeIfAbsent(ip, k -> new ArrayList<>());
      for (int i = 1; i < parts.length; i++) list.add(parts[i].toLowerCase(Locale.ROOT));
    }
    return new HostsFile(Map.copyOf(map));
  }

  /** The names this file gives the address, in file order. */
  public List<String> namesOf(InetAddress ip) {
    return names.getOrDefault(ip, List.of());
  }
}
