package dev.wraith.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ConfigMap with its values thrown away: the key names, and per key the URLs (scheme://host[:port][path],
 * never user-info or query) and bare hostnames that occurred in the value. That is all the collector needs
 * to say "this workload is configured for api.openai.com" without holding configuration values.
 */
public record ConfigMapKeys(String namespace, String name, Map<String, List<String>> endpointsByKey) {
  private static final Pattern URL = Pattern.compile(
      "(?i)\\b(https?|wss?|grpcs?)://(?:[^@/\\s\"'`]*@)?([a-z0-9.-]+)(:\\d{1,5})?(/[^\\s?#\"'`]*)?");
  private static final Pattern HOST = Pattern.compile("(?i)(?<![\\w.@/-])([a-z0-9-]+(?:\\.[a-z0-9-]+)+)(?![\\w-])");
  private static final int MAX_VALUE = 64 * 1024;

  public ConfigMapKeys {
    TreeMap<String, List<String>> m = new TreeMap<>();
    endpointsByKey.forEach((k, v) -> m.put(k, List.copyOf(new TreeSet<>(v))));
    endpointsByKey = java.util.Collections.unmodifiableSortedMap(m);
  }

  /** Reduces a ConfigMap; binaryData keys are kept as names only. */
  public static ConfigMapKeys of(ConfigMap cm) {
    Map<String, List<String>> keys = new TreeMap<>();
    if (cm.getData() != null) cm.getData().forEach((k, v) -> keys.put(k, endpoints(v == null ? "" : v)));
    if (cm.getBinaryData() != null) cm.getBinaryData().keySet().forEach(k -> keys.put(k, List.of()));
    var md = cm.getMetadata();
    return new ConfigMapKeys(md.getNamespace() == null ? "" : md.getNamespace(), md.getName(), keys);
  }

  /** URLs without credentials or query, and bare hostnames, found in a value. */
  static List<String> endpoints(String value) {
    String v = value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value;
    TreeSet<String> out = new TreeSet<>();
    Matcher u = URL.matcher(v);
    while (u.find()) {
      out.add(u.group(1).toLowerCase(java.util.Locale.ROOT) + "://" + u.group(2).toLowerCase(java.util.Locale.ROOT)
          + (u.group(3) == null ? "" : u.group(3)) + (u.group(4) == null ? "" : u.group(4)));
    }
    Matcher h = HOST.matcher(URL.matcher(v).replaceAll(" "));
    while (h.find()) if (h.group(1).matches(".*[a-zA-Z].*")) out.add(h.group(1).toLowerCase(java.util.Locale.ROOT));
    return List.copyOf(out);
  }
}
