package dev.wraith.code.java;

import dev.wraith.code.Escapes;
import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;

/**
 * Literal values in a Java tree: the decoded content of string literals and text blocks, and the text of
 * number, boolean and null literals used as call arguments.
 */
record JavaLiterals(SyntaxTree tree) {
  private static final Escapes ESCAPES = Escapes.COMMON.with("\\r", "\r");

  /** An argument's literal value: unquoted string content, number, true/false, null; "" for anything else. */
  String value(int v) {
    if (v == NONE) return "";
    return switch (tree.type(v)) {
      case "string_literal" -> string(v);
      case "decimal_integer_literal", "hex_integer_literal", "octal_integer_literal", "binary_integer_literal",
          "decimal_floating_point_literal", "hex_floating_point_literal", "true", "false", "null_literal" -> tree.text(v);
      case "unary_expression" -> {
        int operand = tree.field(v, "operand");
        yield operand != NONE && tree.type(operand).endsWith("_literal") && !tree.type(operand).equals("string_literal")
            ? tree.text(v).replaceAll("\\s+", "") : "";
      }
      default -> "";
    };
  }

  /**
   * The content of a string literal with common escapes decoded. A text block loses its incidental
   * indentation (each line is stripped), which is what matters for matching hosts and names in it.
   */
  String string(int s) {
    StringBuilder b = new StringBuilder();
    boolean block = false;
    for (int c = tree.firstNamedChild(s); c != NONE; c = tree.nextNamedSibling(c)) {
      switch (tree.type(c)) {
        case "string_fragment" -> b.append(tree.text(c));
        case "multiline_string_fragment" -> {
          block = true;
          b.append(tree.text(c));
        }
        case "escape_sequence" -> b.append(ESCAPES.decode(tree.text(c)));
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
}
