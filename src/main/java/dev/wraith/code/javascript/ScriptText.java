package dev.wraith.code.javascript;

import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads literal values out of a JS/TS tree: string and template contents, argument maps, environment
 * variable names. Values are what the source spells, unquoted; anything computed reads as "".
 */
record ScriptText(SyntaxTree tree) {
  /**
   * Arguments by name: the properties of the first object literal passed become keyword arguments, every
   * argument is also positional ("#0", "#1", ...). Spreads end the positional numbering's meaning, so they
   * stop it.
   */
  Map<String, String> arguments(int args) {
    Map<String, String> out = new LinkedHashMap<>();
    if (args == NONE) return out;
    int pos = 0;
    boolean sawObject = false;
    for (int a = tree.firstNamedChild(args); a != NONE; a = tree.nextNamedSibling(a)) {
      String type = tree.type(a);
      if (type.equals("comment")) continue;
      if (type.equals("spread_element")) break;
      if (type.equals("object") && !sawObject) {
        sawObject = true;
        properties(a, out);
      }
      out.put("#" + pos++, value(a));
    }
    return out;
  }

  private void properties(int object, Map<String, String> out) {
    for (int p = tree.firstNamedChild(object); p != NONE; p = tree.nextNamedSibling(p)) {
      switch (tree.type(p)) {
        case "pair" -> {
          String key = key(tree.field(p, "key"));
          if (!key.isEmpty()) out.putIfAbsent(key, propertyValue(tree.field(p, "value")));
        }
        case "shorthand_property_identifier" -> out.putIfAbsent(tree.text(p), "");
        default -> { }
      }
    }
  }

  private String key(int k) {
    if (k == NONE) return "";
    return switch (tree.type(k)) {
      case "property_identifier", "number" -> tree.text(k);
      case "string" -> stringValue(k);
      default -> "";
    };
  }

  /** A property value: a literal, or the string a factory call names ({@code model: openai("gpt-4o")}). */
  private String propertyValue(int v) {
    int inner = unwrap(v);
    if (inner != NONE && tree.type(inner).equals("call_expression")) {
      int args = tree.field(inner, "arguments");
      if (args != NONE && tree.type(args).equals("arguments") && tree.namedChildCount(args) > 0) {
        int first = unwrap(tree.namedChild(args, 0));
        if (first != NONE && isPlainString(first)) return stringValue(first);
      }
      return "";
    }
    return value(v);
  }

  /** The literal text of a value: strings unquoted, numbers, booleans and null as spelled; else "". */
  String value(int v) {
    int n = unwrap(v);
    if (n == NONE) return "";
    return switch (tree.type(n)) {
      case "string" -> stringValue(n);
      case "template_string" -> isPlainString(n) ? stringValue(n) : "";
      case "number", "true", "false", "null" -> tree.text(n);
      case "unary_expression" -> {
        int arg = tree.field(n, "argument");
        yield arg != NONE && tree.type(arg).equals("number") ? tree.text(n).replace(" ", "") : "";
      }
      default -> "";
    };
  }

  /** Strips TS type assertions and parentheses, which do not change a value. Iterative: no deep recursion. */
  int unwrap(int n) {
    while (n != NONE) {
      switch (tree.type(n)) {
        case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "type_assertion" -> {
          int inner = firstExpression(n);
          if (inner == NONE) return n;
          n = inner;
        }
        default -> {
          return n;
        }
      }
    }
    return NONE;
  }

  /** The first child of a wrapper that is an expression (not a comment or type arguments), or NONE. */
  int firstExpression(int n) {
    for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) {
      if (!tree.type(c).equals("comment") && !tree.type(c).equals("type_arguments")) return c;
    }
    return NONE;
  }

  /** True for a string literal, or a template literal with no substitutions. */
  boolean isPlainString(int n) {
    if (tree.type(n).equals("string")) return true;
    if (!tree.type(n).equals("template_string")) return false;
    for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) if (tree.type(c).equals("template_substitution")) return false;
    return true;
  }

  /**
   * The contents of a string or template literal, with simple escapes decoded. For a template with
   * substitutions, only the text before the first substitution (a URL's scheme and host usually sit there).
   */
  String stringValue(int s) {
    StringBuilder b = new StringBuilder();
    for (int c = tree.firstNamedChild(s); c != NONE; c = tree.nextNamedSibling(c)) {
      switch (tree.type(c)) {
        case "string_fragment" -> b.append(tree.text(c));
        case "escape_sequence" -> b.append(unescape(tree.text(c)));
        case "template_substitution" -> {
          return b.toString();
        }
        default -> { }
      }
    }
    return b.toString();
  }

  private static String unescape(String esc) {
    if (esc.length() != 2) return "";
    return switch (esc.charAt(1)) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case '0' -> "";
      default -> String.valueOf(esc.charAt(1));
    };
  }

  /**
   * The variable name an environment read names: {@code process.env.NAME}, {@code process.env["NAME"]},
   * {@code import.meta.env.NAME}; or null when the node is no such read.
   */
  String envName(int n) {
    int object = tree.field(n, "object");
    if (object == NONE || !isEnvObject(object)) return null;
    if (tree.type(n).equals("member_expression")) {
      int p = tree.field(n, "property");
      return p == NONE ? null : tree.text(p);
    }
    int index = tree.field(n, "index");
    return index != NONE && isPlainString(index) ? stringValue(index) : null;
  }

  /** True for {@code process.env} and {@code import.meta.env}. */
  boolean isEnvObject(int n) {
    if (!tree.type(n).equals("member_expression")) return false;
    int obj = tree.field(n, "object");
    int prop = tree.field(n, "property");
    if (obj == NONE || prop == NONE || !tree.text(prop).equals("env")) return false;
    return tree.type(obj).equals("meta_property") || (tree.type(obj).equals("identifier") && tree.text(obj).equals("process"));
  }
}
