package dev.wraith.code.rust;

import dev.wraith.code.Escapes;
import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Literal values and argument maps in a Rust tree. A string converted in place ({@code "gpt-4o".into()},
 * {@code .to_string()}, {@code .to_owned()}, {@code String::from("..")}) counts as the string.
 */
record RustValues(SyntaxTree tree) {
  /** Positional arguments as #0, #1, ...; {@code method} (when not empty) also names the first one. */
  Map<String, String> arguments(int list, String method) {
    Map<String, String> out = new LinkedHashMap<>();
    if (list == NONE) return out;
    int pos = 0;
    for (int a = tree.firstNamedChild(list); a != NONE; a = tree.nextNamedSibling(a)) {
      if (tree.type(a).endsWith("comment") || tree.type(a).equals("attribute_item")) continue;
      String v = value(a);
      if (pos == 0 && !method.isEmpty()) out.put(method, v);
      out.put("#" + pos++, v);
    }
    return out;
  }

  /** The fields of a struct literal by name ({@code Foo { model: "m".into(), .. }}). */
  Map<String, String> fields(int body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body == NONE) return out;
    for (int f = tree.firstNamedChild(body); f != NONE; f = tree.nextNamedSibling(f)) {
      if (!tree.type(f).equals("field_initializer")) continue;
      int name = tree.field(f, "field");
      if (name != NONE) out.putIfAbsent(tree.text(name), value(tree.field(f, "value")));
    }
    return out;
  }

  /** A literal's value: string content, number, true/false; "" for anything else. */
  String value(int v) {
    if (v == NONE) return "";
    return switch (tree.type(v)) {
      case "string_literal", "raw_string_literal" -> string(v);
      case "integer_literal", "float_literal" -> tree.text(v).replace("_", "").replaceAll("(?:[iuf](?:8|16|32|64|128|size))$", "");
      case "boolean_literal" -> tree.text(v);
      case "reference_expression" -> value(tree.field(v, "value"));
      case "call_expression" -> converted(v);
      default -> "";
    };
  }

  private String converted(int call) {
    int f = tree.field(call, "function");
    int args = tree.field(call, "arguments");
    if (f == NONE) return "";
    if (tree.type(f).equals("field_expression")) {
      int field = tree.field(f, "field");
      String m = field == NONE ? "" : tree.text(field);
      boolean conversion = m.equals("into") || m.equals("to_string") || m.equals("to_owned");
      return conversion && args != NONE && tree.namedChildCount(args) == 0 ? value(tree.field(f, "value")) : "";
    }
    if (tree.type(f).equals("scoped_identifier") && tree.text(f).replaceAll("\\s+", "").equals("String::from") && args != NONE) {
      return tree.namedChildCount(args) == 1 ? value(tree.firstNamedChild(args)) : "";
    }
    return "";
  }

  /** The text of a string literal, escapes decoded (raw strings as written). */
  String string(int s) {
    StringBuilder b = new StringBuilder();
    for (int c = tree.firstNamedChild(s); c != NONE; c = tree.nextNamedSibling(c)) {
      switch (tree.type(c)) {
        case "string_content" -> b.append(tree.text(c));
        case "escape_sequence" -> b.append(Escapes.COMMON.decode(tree.text(c)));
        default -> { }
      }
    }
    return b.toString();
  }
}
