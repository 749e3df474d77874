package dev.wraith.code.rust;

import dev.wraith.code.RepairedParse;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.parser.Grammar;
import dev.wraith.code.rust.RustTokens.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * The Rust grammar's repair of a parse with syntax errors ({@link dev.wraith.code.SourceSyntax.Repair}).
 * tree-sitter-rust 0.24 reads {@code &raw} as the start of a raw borrow ({@code &raw const x}, {@code &raw mut x},
 * Rust 1.82) even where {@code raw} is a variable, and fails valid code around it: {@code foo(&raw)},
 * {@code &raw[0..4]}, {@code (&raw).len()}, {@code for x in &raw} (tree-sitter/tree-sitter-rust#277). A file whose
 * tree has errors is read again from a copy in which the reference operators of such a {@code raw} (every
 * {@code &} or {@code &&} in prefix position before it, comments and whitespace between allowed) are spaces: byte
 * offsets, lines and columns are unchanged and {@code raw} stays, so bindings still resolve. The second tree is kept
 * only when it has fewer errors and no limit cut it shorter.
 *
 * <p>Only code is changed: string, raw, byte and C string literals, char literals and comments are never touched
 * (see {@link RustTokens}). Not masked: a real raw borrow ({@code raw} followed by {@code const} or {@code mut}),
 * {@code r#raw}, and an {@code &} or {@code &&} in infix position ({@code a & raw}, {@code ok &&raw}: bitwise and
 * logical and, which the grammar reads right), told by the token before it: an operand's end (an identifier that
 * is no keyword, a literal, {@code )}, {@code ]}, {@code }}, {@code ?}) makes it infix.
 */
final class RawBorrowRepair {
  /** Keywords after which an expression starts ({@code return &raw}); every other identifier ends an operand. */
  private static final Set<String> KEYWORDS = Set.of("as", "async", "box", "break", "const", "continue", "do", "dyn",
      "else", "enum", "extern", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
      "ref", "return", "static", "struct", "trait", "type", "unsafe", "use", "where", "while", "yield");
  private static final byte[] RAW = "raw".getBytes(StandardCharsets.US_ASCII);

  private RawBorrowRepair() {}

  /** The tree to read: {@code parsed}, or the tree of the masked copy when that has fewer errors. */
  static SyntaxTree repair(Grammar grammar, byte[] utf8, SyntaxTree parsed) {
    return RepairedParse.better(grammar, masked(utf8), parsed);
  }

  /** A copy of the bytes with the reference operators of variables named raw blanked, or null when there is none. */
  static byte[] masked(byte[] utf8) {
    if (indexOf(utf8, RAW) < 0) return null;
    byte[] out = null;
    RustTokens t = new RustTokens(utf8, utf8.length);
    RustTokens ahead = new RustTokens(utf8, utf8.length);
    int[] chain = new int[8]; // start and end of each & or && token since the last other token
    int links = 0;
    boolean infixFirst = false;
    int prevStart = 0, prevEnd = 0;
    Kind prev = Kind.END;
    for (t.next(0); t.kind() != Kind.END; t.next(t.end())) {
      if (t.kind() == Kind.PUNCT && utf8[t.start()] == '&') {
        if (links == 0) infixFirst = endsOperand(utf8, prev, prevStart, prevEnd);
        if (2 * links + 2 > chain.length) chain = Arrays.copyOf(chain, chain.length * 2);
        chain[2 * links] = t.start();
        chain[2 * links + 1] = t.end();
        links++;
        continue;
      }
      if (links > 0 && t.kind() == Kind.IDENT && t.is("raw") && !borrowKind(ahead.next(t.end()))) {
        for (int k = infixFirst ? 1 : 0; k < links; k++) {
          if (out == null) out = utf8.clone();
          Arrays.fill(out, chain[2 * k], chain[2 * k + 1], (byte) ' ');
        }
      }
      links = 0;
      prev = t.kind();
      prevStart = t.start();
      prevEnd = t.end();
    }
    return out;
  }

  private static boolean borrowKind(RustTokens next) {
    return next.kind() == Kind.IDENT && (next.is("const") || next.is("mut"));
  }

  /** Whether a token ends an operand, so that an {@code &} after it is infix. */
  private static boolean endsOperand(byte[] utf8, Kind kind, int start, int end) {
    return switch (kind) {
      case LITERAL -> true;
      case IDENT -> !KEYWORDS.contains(new String(utf8, start, end - start, StandardCharsets.UTF_8));
      case PUNCT -> utf8[start] == ')' || utf8[start] == ']' || utf8[start] == '}' || utf8[start] == '?';
      case LIFETIME, END -> false;
    };
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
      return i;
    }
    return -1;
  }
}
