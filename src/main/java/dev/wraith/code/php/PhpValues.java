package dev.wraith.code.php;

import dev.wraith.code.CallArguments;
import dev.wraith.code.Escapes;
import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.Map;

/** Literal values and argument maps in a PHP tree. */
record PhpValues(SyntaxTree tree) {
  private static final Escapes ESCAPES = Escapes.COMMON.with("\\$", "$");

  /**
   * Named and positional arguments, keyed as {@link CallArguments} says; the string keys of an array argument
   * count as named arguments too.
   */
  Map<String, String> arguments(int list) {
    return CallArguments.of(tree, list, this::argument, "argument");
  }

  private void argument(int a, CallArguments into) {
    int first = tree.firstNamedChild(a);
    int value = tree.lastNamedChild(a);
    if (first != NONE && value != first && tree.type(first).equals("name")) into.named(tree.text(first), value(value));
    else into.positional(value(value));
    if (value != NONE && tree.type(value).equals("array_creation_expression")) array(value, into);
  }

  private void array(int array, CallArguments out) {
    for (int e = tree.firstNamedChild(array); e != NONE; e = tree.nextNamedSibling(e)) {
      if (!tree.type(e).equals("array_element_initializer") || tree.namedChildCount(e) != 2) continue;
      int key = tree.firstNamedChild(e);
      String k = tree.type(key).equals("string") || tree.type(key).equals("encapsed_string") ? string(key) : "";
      if (!k.isEmpty()) out.named(k, value(tree.nextNamedSibling(key)));
    }
  }

  /** A literal's value: string content, number, true/false/null; "" for anything else. */
  String value(int v) {
    if (v == NONE) return "";
    return switch (tree.type(v)) {
      case "string", "encapsed_string" -> hasHole(v) ? "" : string(v);
      case "integer", "float" -> tree.text(v).replace("_", "");
      case "boolean", "null" -> tree.text(v).toLowerCase(java.util.Locale.ROOT);
      default -> "";
    };
  }

  /** The text of a string, heredoc or nowdoc up to its first interpolation, escapes decoded. */
  String string(int s) {
    StringBuilder b = new StringBuilder();
    if (!collect(s, b, 0)) return b.toString().strip();
    return tree.type(s).startsWith("here") || tree.type(s).startsWith("now") ? b.toString().strip() : b.toString();
  }

  /** Appends content below {@code n}; false once an interpolation is reached. */
  private boolean collect(int n, StringBuilder b, int depth) {
    for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) {
      switch (tree.type(c)) {
        case "string_content", "string_value" -> b.append(tree.text(c));
        case "escape_sequence" -> b.append(ESCAPES.decode(tree.text(c)));
        case "heredoc_body", "nowdoc_body" -> {
          if (depth > 2 || !collect(c, b, depth + 1)) return false;
        }
        case "heredoc_start", "heredoc_end", "nowdoc_string" -> {
          if (tree.type(c).equals("nowdoc_string")) b.append(tree.text(c));
        }
        default -> {
          return false; // a variable, expression or other hole
        }
      }
    }
    return true;
  }

  private boolean hasHole(int s) {
    for (int c = tree.firstNamedChild(s); c != NONE; c = tree.nextNamedSibling(c)) {
      if (!tree.type(c).equals("string_content") && !tree.type(c).equals("escape_sequence") && !tree.type(c).equals("string_value")) return true;
    }
    return false;
  }
}
