package dev.wraith.code;

import dev.wraith.catalogue.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The signatures of one ecosystem by module, so that a resolved name or an import is checked against the few
 * signatures that can own it instead of every signature. A signature owns a name that equals one of its modules
 * or continues one with '.', '/', '(' or '\\' (PHP namespaces; {@link Signature#ownsModule}); so the owners of a name are found by
 * looking up each of its prefixes that ends at such a boundary. Immutable and thread-safe.
 */
final class SignatureIndex {
  private final List<Signature> signatures;
  /** Module to the positions (ascending) of the signatures that list it. */
  private final Map<String, int[]> byModule = new HashMap<>();
  private final int longest;

  /** @param signatures one ecosystem's signatures in catalogue order, the order owners are returned in */
  SignatureIndex(List<Signature> signatures) {
    this.signatures = List.copyOf(signatures);
    int max = 0;
    for (int i = 0; i < this.signatures.size(); i++) {
      for (String m : this.signatures.get(i).modules()) {
        int[] old = byModule.getOrDefault(m, new int[0]);
        if (old.length > 0 && old[old.length - 1] == i) continue; // a module listed twice by one signature
        int[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = i;
        byModule.put(m, grown);
        max = Math.max(max, m.length());
      }
    }
    this.longest = max;
  }

  /** The signatures that own {@code name}, in catalogue order; usually none, one or two. */
  List<Signature> owners(String name) {
    int[] only = null;
    List<int[]> hits = null;
    int limit = Math.min(name.length(), longest);
    for (int k = 0; k <= limit; k++) {
      if (k < name.length() && !boundary(name.charAt(k))) continue;
      int[] found = byModule.get(k == name.length() ? name : name.substring(0, k));
      if (found == null) continue;
      if (only == null) {
        only = found;
      } else {
        if (hits == null) hits = new ArrayList<>(List.of(only));
        hits.add(found);
      }
    }
    if (only == null) return List.of();
    if (hits == null) return signaturesAt(only);
    return signaturesAt(hits.stream().flatMapToInt(Arrays::stream).sorted().distinct().toArray());
  }

  private List<Signature> signaturesAt(int[] positions) {
    if (positions.length == 1) return List.of(signatures.get(positions[0]));
    List<Signature> out = new ArrayList<>(positions.length);
    for (int p : positions) out.add(signatures.get(p));
    return out;
  }

  private static boolean boundary(char c) {
    return c == '.' || c == '/' || c == '(' || c == '\\'; // as Signature.ownsModule
  }
}
