package dev.wraith.code.java;

import dev.wraith.code.SyntaxTree;
import org.treesitter.TSNode;

/**
 * Literal values in a Java tree: the decoded content of string literals and text blocks, and the text of
 * number, boolean and null literals used as call arguments.
 */
final class JavaLiterals {
  private final SyntaxTree tree;

  JavaLiterals(SyntaxTree tree) {
    this.tree = tree;
  }

  /** An argument's literal value: unquoted string content, number, true/false, null; "" for anything else. */
  String value(TSNode v) {
    if (v == null) return "";
    return switch (v.getType()) {
      case "string_literal" -> string(v);
      case "decimal_integer_literal", "hex_integer_literal", "octal_integer_literal", "binary_integer_literal",
          "decimal_floating_point_literal", "hex_floating_point_literal", "true", "false", "null_literal" -> tree.text(v);
      case "unary_expression" -> {
        TSNode operand = SyntaxTree.field(v, "operand");
        yield operand != null && operand.getType().endsWith("_literal") && !operand.getType().equals("string_literal")
            ? tree.text(v).replaceAll("\\s+", "") : "";
      }
      default -> "";
    };
  }

  /**
   * The content of a string literal with common escapes decoded. A text block loses its incidental
   * indentation (each line is stripped), which is what matters for matching hosts and names in it.
   */
  String string(TSNode s) {
    StringBuilder b = new StringBuilder();
    boolean block = false;
    for (int i = 0; i < s.getNamedChildCount(); i++) {
      TSNode c = s.getNamedChild(i);
      switch (c.getType()) {
        case "string_fragment" -> b.append(tree.text(c));
        case "multiline_string_fragment" -> {
          block = true;
          b.append(tree.text(c));
        }
        case "escape_sequence" -> b.append(unescape(tree.text(c)));
        default -> { }
      }
    }
    if (!block) return b.toString();
    StringBuilder out = new StringBuilder();
    for (String line : b.toString().split("\n", -1)) {
      String t = line.strip();
      if (t.isEmpty() && out.isEmpty()) continue;
      if (!out.isEmpty()) out.append('\n');
      out.append(t);
    }
    return out.toString().strip();
  }

  private static String unescape(String e) {
    return switch (e) {
      case "\\n" -> "\n";
      case "\\t" -> "\t";
      case "\\r" -> "\r";
      case "\\\"" -> "\"";
      case "\\'" -> "'";
      case "\\\\" -> "\\";
      default -> e;
    };
  }
}
