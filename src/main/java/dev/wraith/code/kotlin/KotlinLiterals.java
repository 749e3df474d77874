package dev.wraith.code.kotlin;

import dev.wraith.code.CallArguments;
import dev.wraith.code.Escapes;
import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.Map;

/**
 * Literal values and argument maps in a Kotlin tree. A string template counts up to its first {@code $name} or
 * {@code ${..}} hole (a URL's scheme and host sit before it); numbers lose their type suffix ({@code 0.7f} → 0.7).
 */
record KotlinLiterals(SyntaxTree tree) {
  private static final Escapes ESCAPES = Escapes.COMMON.with("\\r", "\r").with("\\$", "$");

  /** An argument's literal value: string content, number, true/false, null; "" for anything else. */
  String value(int v) {
    if (v == NONE) return "";
    return switch (tree.type(v)) {
      case "string_literal", "multiline_string_literal" -> hasHole(v) ? "" : string(v);
      case "integer_literal", "real_literal", "long_literal", "hex_literal", "bin_literal", "unsigned_literal" ->
          tree.text(v).replace("_", "").replaceAll("[fFlLuU]+$", "");
      case "boolean_literal", "null_literal" -> tree.text(v);
      case "prefix_expression" -> {
        int operand = tree.firstNamedChild(v);
        yield operand != NONE && tree.text(v).startsWith("-") && tree.type(operand).matches("integer_literal|real_literal")
            ? "-" + value(operand) : "";
      }
      default -> "";
    };
  }

  /** The text of a string literal up to its first template hole, escapes decoded. */
  String string(int s) {
    StringBuilder b = new StringBuilder();
    for (int c = tree.firstChild(s); c != NONE; c = tree.nextSibling(c)) {
      switch (tree.type(c)) {
        case "string_content" -> b.append(tree.text(c));
        case "character_escape", "escape_sequence" -> b.append(ESCAPES.decode(tree.text(c)));
        case "$", "${", "interpolated_identifier", "interpolated_expression" -> {
          return b.toString();
        }
        default -> { }
      }
    }
    return b.toString();
  }

  /** Named ({@code modelName = "gpt-4o"}) and positional arguments, keyed as {@link CallArguments} says. */
  Map<String, String> arguments(int valueArguments) {
    return CallArguments.of(tree, valueArguments, this::argument, "value_argument");
  }

  private void argument(int a, CallArguments into) {
    int first = tree.firstNamedChild(a);
    int last = first;
    boolean named = false;
    for (int c = tree.firstChild(a); c != NONE; c = tree.nextSibling(c)) {
      if (tree.type(c).equals("=")) named = true;
      if (tree.isNamed(c)) last = c;
    }
    if (named && first != NONE && tree.type(first).equals("simple_identifier")) into.named(tree.text(first), value(last));
    else into.positional(value(last));
  }

  private boolean hasHole(int s) {
    for (int c = tree.firstNamedChild(s); c != NONE; c = tree.nextNamedSibling(c)) {
      if (tree.type(c).startsWith("interpolated_")) return true;
    }
    return false;
  }
}
