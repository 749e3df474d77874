package dev.wraith.code.php;

import dev.wraith.code.RepairedParse;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.parser.Grammar;
import dev.wraith.code.php.PhpTokens.Kind;
import java.util.Set;

/**
 * The PHP grammar's repair of a parse with syntax errors ({@link dev.wraith.code.SourceSyntax.Repair}).
 * tree-sitter-php 0.24 fails a named argument (PHP 8) whose name is one of the keywords that start an expression
 * ({@code $c->query(a: 1, include: [2])}, {@code f(new: 1)}, {@code list:}, {@code print:}, {@code yield:},
 * {@code clone:}, {@code require:} and the {@code _once} forms), which PHP accepts. A file whose tree has errors is
 * read again from a copy in which such a name's first letter is {@code _} ({@code _nclude: [2]}): an identifier of
 * the same length, so offsets, lines and columns are unchanged; the argument is then read under that name (no
 * catalogue condition names a reserved word; positions are unchanged, as named arguments take none). The second
 * tree is kept only when it has fewer errors ({@link RepairedParse}). Only a keyword right after {@code (} or
 * {@code ,} and right before a single {@code :} in code is renamed; strings, heredocs, comments and text outside
 * {@code <?php} are never touched ({@link PhpTokens}).
 */
final class KeywordArgumentRepair {
  /** Keywords tree-sitter-php 0.24 fails as argument names (each tried; other reserved words parse). */
  private static final Set<String> FAILING = Set.of("include", "include_once", "require", "require_once", "list", "new",
      "print", "yield", "clone");

  private KeywordArgumentRepair() {}

  /** The tree to read: {@code parsed}, or the tree of the renamed copy when that has fewer errors. */
  static SyntaxTree repair(Grammar grammar, byte[] utf8, SyntaxTree parsed) {
    return RepairedParse.better(grammar, renamed(utf8), parsed);
  }

  /** A copy with keyword argument names renamed, or null when there is none. */
  static byte[] renamed(byte[] utf8) {
    byte[] out = null;
    PhpTokens t = new PhpTokens(utf8);
    boolean afterOpen = false; // the previous token is ( or ,
    for (t.next(0); t.kind() != Kind.END; t.next(t.end())) {
      if (afterOpen && t.kind() == Kind.WORD && failing(t) && isColon(utf8, t.following())) {
        if (out == null) out = utf8.clone();
        out[t.start()] = '_';
      }
      afterOpen = t.kind() == Kind.PUNCT && (utf8[t.start()] == '(' || utf8[t.start()] == ',');
    }
    return out;
  }

  private static boolean failing(PhpTokens t) {
    for (String k : FAILING) if (t.isIgnoringCase(k)) return true;
    return false;
  }

  private static boolean isColon(byte[] utf8, PhpTokens next) {
    return next.kind() == Kind.PUNCT && next.end() - next.start() == 1 && utf8[next.start()] == ':';
  }
}
