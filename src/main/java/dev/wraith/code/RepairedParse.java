package dev.wraith.code;

import dev.wraith.code.parser.Grammar;

/**
 * The choice every {@link SourceSyntax.Repair} that rewrites a copy of the file makes: the copy's tree is read
 * instead of the file's only when it has fewer syntax errors and no limit cut it shorter (a repair must never
 * turn a file that parsed in time into one that did not).
 */
public final class RepairedParse {
  private RepairedParse() {}

  /** {@code parsed}, or the tree of {@code rewritten} when that is better; {@code rewritten} null means no rewrite. */
  public static SyntaxTree better(Grammar grammar, byte[] rewritten, SyntaxTree parsed) {
    if (rewritten == null) return parsed;
    SyntaxTree again = SyntaxTree.parse(grammar, rewritten);
    boolean worseLimits = again.timedOut() || (again.truncated() && !parsed.truncated());
    return !worseLimits && errors(again) < errors(parsed) ? again : parsed;
  }

  /** How many syntax errors a tree holds: its ERROR nodes and its missing (zero-width) leaves. */
  public static int errors(SyntaxTree tree) {
    int[] count = {0};
    tree.walk(n -> {
      if (tree.type(n).equals("ERROR") || (tree.childCount(n) == 0 && tree.startByte(n) == tree.endByte(n))) count[0]++;
      return true;
    });
    return count[0];
  }
}
