package dev.wraith.code.csharp;

import dev.wraith.catalogue.Signature;
import dev.wraith.catalogue.CallGlob;
import dev.wraith.catalogue.Symbol;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue's NuGet signatures as C# name resolution asks about them: which namespaces are AI ones, and how
 * specific a symbol a whole call name is. Immutable and thread-safe.
 *
 * <p>Matching here is exact: the catalogue's "a call may continue a pattern with members" rule is for calls, not
 * for choosing a namespace, where it would let {@code Agents.Orchestration.*} claim every type of a namespace
 * below it.
 */
final class CSharpSymbols {
  private final List<Signature> signatures;
  /** Added to the rank of a pattern with wildcards, so that any literal symbol ranks before it. */
  private static final int PATTERN = 1 << 20;

  private final List<List<CallGlob>> exact = new ArrayList<>();
  private final List<List<Boolean>> wildcard = new ArrayList<>();

  CSharpSymbols(List<Signature> nugetSignatures) {
    this.signatures = List.copyOf(nugetSignatures);
    for (Signature s : signatures) {
      List<CallGlob> patterns = new ArrayList<>();
      List<Boolean> wild = new ArrayList<>();
      for (Symbol sym : s.symbols()) {
        wild.add(sym.call().contains("*"));
        patterns.add(sym.glob());
      }
      exact.add(patterns);
      wildcard.add(wild);
    }
  }

  /** Whether a signature owns a namespace or name. */
  boolean owns(String name) {
    for (Signature s : signatures) if (s.ownsModule(name)) return true;
    return false;
  }

  /**
   * How specific a symbol the whole call name is: lower is more specific, {@link Integer#MAX_VALUE} when it is
   * none. A symbol without wildcards beats every pattern; among patterns the first in catalogue order wins (the
   * catalogue lists specific symbols before general ones).
   */
  int rank(String call) {
    return rank(call, false);
  }

  /**
   * The rank of {@code Namespace.Method} as an extension method: only symbols written {@code Namespace.**Method}
   * (reachable from any receiver) count, so {@code Namespace.*} and {@code *Connector}-style type patterns never
   * turn every method called in a file into an AI one.
   */
  int extensionRank(String call) {
    return rank(call, true);
  }

  private int rank(String call, boolean extension) {
    int best = Integer.MAX_VALUE;
    int base = 0;
    for (int i = 0; i < signatures.size(); i++) {
      List<CallGlob> patterns = exact.get(i);
      if (signatures.get(i).ownsModule(call)) {
        for (int j = 0; j < patterns.size(); j++) {
          if (extension && !signatures.get(i).symbols().get(j).call().contains("**")) continue;
          if (!patterns.get(j).matchesWhole(call)) continue;
          best = Math.min(best, (wildcard.get(i).get(j) ? PATTERN : 0) + base + j);
          break;
        }
      }
      base += patterns.size();
    }
    return best;
  }

  boolean known(String call) {
    return rank(call) != Integer.MAX_VALUE;
  }
}
