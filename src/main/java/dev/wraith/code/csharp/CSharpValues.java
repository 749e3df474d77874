package dev.wraith.code.csharp;

import dev.wraith.code.CallArguments;
import dev.wraith.code.Escapes;
import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Literal values and argument maps in a C# tree. Strings: regular (escapes decoded), verbatim ({@code @"..."},
 * {@code ""} decoded), raw ({@code """..."""}) and interpolated ones, of which only the text before the first
 * hole counts (a URL's scheme and host sit there). Numbers lose their type suffix ({@code 0.7f} → 0.7).
 */
record CSharpValues(SyntaxTree tree) {
  private static final Escapes ESCAPES = Escapes.COMMON.with("\\r", "\r").with("\\0", "");

  /** Whether a node is a string literal of any form. */
  static boolean isString(String type) {
    return switch (type) {
      case "string_literal", "verbatim_string_literal", "raw_string_literal", "interpolated_string_expression" -> true;
      default -> false;
    };
  }

  /** An argument's literal value: string content, number, true/false, null; "" for anything else. */
  String value(int v) {
    if (v == NONE) return "";
    String type = tree.type(v);
    return switch (type) {
      case "string_literal", "verbatim_string_literal", "raw_string_literal" -> string(v);
      case "interpolated_string_expression" -> hasHole(v) ? "" : string(v);
      case "integer_literal", "real_literal" -> number(tree.text(v));
      case "boolean_literal", "null_literal" -> tree.text(v);
      case "prefix_unary_expression" -> {
        int operand = tree.firstNamedChild(v);
        String t = operand == NONE ? "" : tree.type(operand);
        if (!t.equals("integer_literal") && !t.equals("real_literal")) yield "";
        yield (tree.text(v).startsWith("-") ? "-" : "") + number(tree.text(operand));
      }
      case "parenthesized_expression" -> tree.namedChildCount(v) == 1 ? value(tree.firstNamedChild(v)) : "";
      default -> "";
    };
  }

  /** The text of a string literal; for an interpolated string, the text before its first hole. */
  String string(int s) {
    String type = tree.type(s);
    if (type.equals("verbatim_string_literal")) {
      String t = tree.text(s);
      return t.length() < 3 ? "" : t.substring(2, t.length() - 1).replace("\"\"", "\"");
    }
    StringBuilder b = new StringBuilder();
    for (int c = tree.firstNamedChild(s); c != NONE; c = tree.nextNamedSibling(c)) {
      switch (tree.type(c)) {
        case "string_literal_content", "raw_string_content", "string_content" -> b.append(tree.text(c));
        case "escape_sequence" -> b.append(ESCAPES.decode(tree.text(c)));
        case "interpolation" -> {
          return b.toString();
        }
        default -> { }
      }
    }
    return b.toString();
  }

  /**
   * Arguments of an argument list, named ({@code modelId: "gpt-4o"}) and positional, keyed as
   * {@link CallArguments} says.
   */
  Map<String, String> arguments(int list, Map<String, String> into) {
    return CallArguments.into(into, tree, list, this::argument, "argument", "attribute_argument");
  }

  private void argument(int a, CallArguments into) {
    int name = tree.field(a, "name");
    int expr = tree.lastNamedChild(a);
    if (name != NONE && expr != name) into.named(tree.text(name), value(expr));
    else into.positional(value(expr));
  }

  /**
   * The properties an object initializer sets ({@code new X { ModelId = "gpt-4o" }}), named bean-style with the
   * first letter lower-cased ({@code ModelId} → {@code modelId}) so the catalogue's language-neutral hints apply;
   * they count as named arguments.
   */
  void initializer(int init, Map<String, String> into) {
    CallArguments.into(into, tree, init, this::property, "assignment_expression");
  }

  private void property(int assignment, CallArguments into) {
    int left = tree.field(assignment, "left");
    if (left == NONE || !tree.type(left).equals("identifier")) return;
    into.named(decapitalize(tree.text(left)), value(tree.field(assignment, "right")));
  }

  static Map<String, String> newArgs() {
    return new LinkedHashMap<>();
  }

  private boolean hasHole(int s) {
    for (int c = tree.firstNamedChild(s); c != NONE; c = tree.nextNamedSibling(c)) if (tree.type(c).equals("interpolation")) return true;
    return false;
  }

  private static String number(String text) {
    String t = text.replace("_", "");
    return t.startsWith("0x") || t.startsWith("0X") ? t.replaceAll("[uUlL]+$", "") : t.replaceAll("[fFdDmMuUlL]+$", "");
  }

  static String decapitalize(String name) {
    if (name.isEmpty() || (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0)))) return name;
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
