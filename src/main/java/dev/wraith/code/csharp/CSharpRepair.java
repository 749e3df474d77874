package dev.wraith.code.csharp;

import dev.wraith.code.RepairedParse;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.parser.Grammar;

/**
 * The C# grammar's repair of a parse with syntax errors ({@link dev.wraith.code.SourceSyntax.Repair}), for false
 * errors on code the compiler accepts. tree-sitter-c-sharp 0.23 parses every section of an
 * {@code #if}/{@code #else} group as code, so a group that splits an expression or a statement
 * ({@code WriteAsync(text\n#if !NET\n, 0, n\n#endif\n)}, two {@code if (…)} heads sharing one body) fails
 * (tree-sitter/tree-sitter-c-sharp#376, #377, #189); a verbatim interpolated string whose text after a hole is only
 * escaped quotes ({@code $@"answer: ""{x}"""}) fails (tree-sitter/tree-sitter-c-sharp#368); and so does an empty
 * interpolated string {@code $""}. A file whose tree has errors is read again from a copy in which the conditional
 * directives and every section but each group's first are spaces, and so are those escaped quotes and that
 * {@code $} ({@link CSharpMask}: same length, offsets, lines and columns unchanged). The second tree is kept only
 * when it has fewer errors ({@link RepairedParse}). Facts in the masked sections (another target framework's code)
 * are not read then; the masked quotes come after a hole, where wraith reads no string text; {@code ""} is the same
 * empty string as {@code $""}. It also renames a variable named {@code required} and {@code async}/{@code await}
 * argument names, which the grammar fails ({@link CSharpMask} (4)).
 */
final class CSharpRepair {
  private CSharpRepair() {}

  /** The tree to read: {@code parsed}, or the tree of the masked copy when that has fewer errors. */
  static SyntaxTree repair(Grammar grammar, byte[] utf8, SyntaxTree parsed) {
    return RepairedParse.better(grammar, CSharpMask.masked(utf8), parsed);
  }
}
