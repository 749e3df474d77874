package dev.wraith.code.javascript;

import dev.wraith.code.SyntaxTree;
import java.util.LinkedHashMap;
import java.util.Map;
import org.treesitter.TSNode;

/**
 * Reads literal values out of a JS/TS tree: string and template contents, argument maps, environment
 * variable names. Values are what the source spells, unquoted; anything computed reads as "".
 */
final class ScriptText {
  private final SyntaxTree tree;

  ScriptText(SyntaxTree tree) {
    this.tree = tree;
  }

  /**
   * Arguments by name: the properties of the first object literal passed become keyword arguments, every
   * argument is also positional ("#0", "#1", ...). Spreads end the positional numbering's meaning, so they
   * stop it.
   */
  Map<String, String> arguments(TSNode args) {
    Map<String, String> out = new LinkedHashMap<>();
    if (args == null) return out;
    int pos = 0;
    boolean sawObject = false;
    for (int i = 0; i < args.getNamedChildCount(); i++) {
      TSNode a = args.getNamedChild(i);
      String type = a.getType();
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

  private void properties(TSNode object, Map<String, String> out) {
    for (int i = 0; i < object.getNamedChildCount(); i++) {
      TSNode p = object.getNamedChild(i);
      switch (p.getType()) {
        case "pair" -> {
          String key = key(SyntaxTree.field(p, "key"));
          if (!key.isEmpty()) out.putIfAbsent(key, propertyValue(SyntaxTree.field(p, "value")));
        }
        case "shorthand_property_identifier" -> out.putIfAbsent(tree.text(p), "");
        default -> { }
      }
    }
  }

  private String key(TSNode k) {
    if (k == null) return "";
    return switch (k.getType()) {
      case "property_identifier", "number" -> tree.text(k);
      case "string" -> stringValue(k);
      default -> "";
    };
  }

  /** A property value: a literal, or the string a factory call names ({@code model: openai("gpt-4o")}). */
  private String propertyValue(TSNode v) {
    TSNode inner = unwrap(v);
    if (inner != null && inner.getType().equals("call_expression")) {
      TSNode args = SyntaxTree.field(inner, "arguments");
      if (args != null && args.getType().equals("arguments") && args.getNamedChildCount() > 0) {
        TSNode first = unwrap(args.getNamedChild(0));
        if (first != null && isPlainString(first)) return stringValue(first);
      }
      return "";
    }
    return value(v);
  }

  /** The literal text of a value: strings unquoted, numbers, booleans and null as spelled; else "". */
  String value(TSNode v) {
    TSNode n = unwrap(v);
    if (n == null) return "";
    return switch (n.getType()) {
      case "string" -> stringValue(n);
      case "template_string" -> isPlainString(n) ? stringValue(n) : "";
      case "number", "true", "false", "null" -> tree.text(n);
      case "unary_expression" -> {
        TSNode arg = SyntaxTree.field(n, "argument");
        yield arg != null && arg.getType().equals("number") ? tree.text(n).replace(" ", "") : "";
      }
      default -> "";
    };
  }

  /** Strips TS type assertions and parentheses, which do not change a value. Iterative: no deep recursion. */
  static TSNode unwrap(TSNode n) {
    while (n != null) {
      switch (n.getType()) {
        case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "type_assertion" -> {
          TSNode inner = firstExpression(n);
          if (inner == null) return n;
          n = inner;
        }
        default -> {
          return n;
        }
      }
    }
    return null;
  }

  /** The first child of a wrapper that is an expression (not a comment or type arguments), or null. */
  static TSNode firstExpression(TSNode n) {
    for (int i = 0; i < n.getNamedChildCount(); i++) {
      TSNode c = n.getNamedChild(i);
      if (!c.getType().equals("comment") && !c.getType().equals("type_arguments")) return c;
    }
    return null;
  }

  /** True for a string literal, or a template literal with no substitutions. */
  static boolean isPlainString(TSNode n) {
    if (n.getType().equals("string")) return true;
    if (!n.getType().equals("template_string")) return false;
    for (int i = 0; i < n.getNamedChildCount(); i++) if (n.getNamedChild(i).getType().equals("template_substitution")) return false;
    return true;
  }

  /**
   * The contents of a string or template literal, with simple escapes decoded. For a template with
   * substitutions, only the text before the first substitution (a URL's scheme and host usually sit there).
   */
  String stringValue(TSNode s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.getNamedChildCount(); i++) {
      TSNode c = s.getNamedChild(i);
      switch (c.getType()) {
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
  String envName(TSNode n) {
    TSNode object = SyntaxTree.field(n, "object");
    if (object == null || !isEnvObject(object)) return null;
    if (n.getType().equals("member_expression")) {
      TSNode p = SyntaxTree.field(n, "property");
      return p == null ? null : tree.text(p);
    }
    TSNode index = SyntaxTree.field(n, "index");
    return index != null && isPlainString(index) ? stringValue(index) : null;
  }

  /** True for {@code process.env} and {@code import.meta.env}. */
  boolean isEnvObject(TSNode n) {
    if (!n.getType().equals("member_expression")) return false;
    TSNode obj = SyntaxTree.field(n, "object");
    TSNode prop = SyntaxTree.field(n, "property");
    if (obj == null || prop == null || !tree.text(prop).equals("env")) return false;
    return obj.getType().equals("meta_property") || (obj.getType().equals("identifier") && tree.text(obj).equals("process"));
  }
}
