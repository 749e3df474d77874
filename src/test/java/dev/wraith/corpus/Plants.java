package dev.wraith.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinctive fake secrets of the corpus, each unique and each holding {@value #MARKER}: {@link #plant} mints one
 * for a place (an input kind and what it stands in for) in the shape a real one has there (a provider key, a GitHub
 * token, a password, a JWT). {@link #fragments} are the pieces of each value that must not appear in any output either,
 * so a value cut in half is caught too.
 */
final class Plants {
  static final String MARKER = "WRAITHPLANT";
  /** Shorter pieces than this may occur by chance (a prefix such as "sk-proj-"); longer ones cannot. */
  static final int FRAGMENT = 12;

  /** One planted value and where it went. */
  record Plant(String id, String where, String value) {}

  private final Map<String, Plant> byId = new LinkedHashMap<>();

  /**
   * A new value for {@code where}: {@code shape} with {@code %s} where the distinctive part goes, e.g.
   * {@code sk-proj-%s} or {@code ghp_%s}. The distinctive part is the marker, a serial number and random-looking
   * characters, so the value looks like a real key of that shape and no two values share a long piece.
   */
  String plant(String where, String shape) {
    int n = byId.size() + 1;
    String serial = String.format("%03d", n);
    String value = String.format(shape, MARKER + serial + tail(n, 20));
    byId.put(serial, new Plant(serial, where, value));
    return value;
  }

  /** Letters and digits from a hash of the serial: no two plants share a piece longer than chance allows. */
  private static String tail(int n, int length) {
    String b64 = java.util.Base64.getEncoder().encodeToString(
        dev.wraith.model.Hashes.sha256Hex("wraith-corpus-" + n).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    StringBuilder b = new StringBuilder();
    for (char c : (b64 + dev.wraith.model.Hashes.sha256Hex("tail-" + n)).toCharArray()) {
      if (Character.isLetterOrDigit(c) && b.length() < length) b.append(c);
    }
    return b.toString();
  }

  /** A value that must not be shortened: exactly 16 upper-case letters and digits after its prefix (AWS key ids). */
  String plantExact(String where, String prefix, int length) {
    int n = byId.size() + 1;
    String serial = String.format("%03d", n);
    String body = (MARKER + serial + "QZXV9").substring(0, length);
    String value = prefix + body;
    byId.put(serial, new Plant(serial, where, value));
    return value;
  }

  List<Plant> all() {
    return Collections.unmodifiableList(new ArrayList<>(byId.values()));
  }

  /**
   * Every piece of {@link #FRAGMENT} characters of every value that holds part of the distinctive text, with the plants
   * it occurs in (pieces of the marker and serial are shared by several).
   */
  Map<String, List<Plant>> fragments() {
    Map<String, List<Plant>> out = new LinkedHashMap<>();
    for (Plant p : byId.values()) {
      int at = p.value().indexOf(MARKER);
      for (int i = 0; i + FRAGMENT <= p.value().length(); i++) {
        if (i + FRAGMENT <= at) continue; // only the prefix: sk-proj-..., shared by design
        List<Plant> holders = out.computeIfAbsent(p.value().substring(i, i + FRAGMENT), k -> new ArrayList<>());
        if (!holders.contains(p)) holders.add(p);
      }
    }
    return out;
  }
}
