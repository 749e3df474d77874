package dev.wraith.code.python;

import dev.wraith.code.FactExtractor;
import dev.wraith.code.SourceFacts;
import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Extracts {@link SourceFacts} from one Python syntax tree. Names resolve through {@code import x as y},
 * {@code from m import n as k} and single-file instance bindings ({@code client = OpenAI()},
 * {@code self.llm = ChatOpenAI()}), in document order. Decorators and base classes count as calls, so
 * {@code @tool} and {@code class T(BaseTool)} are seen. Docstrings and bare string statements are not literals.
 */
final class PythonExtractor extends FactExtractor {
  private final Map<String, String> bindings = new HashMap<>();

  PythonExtractor(SyntaxTree tree) {
    super(tree);
  }

  @Override
  protected boolean visit(int n) {
    switch (tree.type(n)) {
      case "import_statement" -> importStatement(n);
      case "import_from_statement" -> importFrom(n);
      case "assignment" -> assignment(n);
      case "as_pattern" -> asPattern(n);
      case "call" -> call(n);
      case "decorator" -> decorator(n);
      case "class_definition" -> baseClasses(n);
      case "expression_statement" -> {
        // a statement that is only a string is a docstring or a comment-like string: not code
        return !(tree.namedChildCount(n) == 1 && isString(tree.firstNamedChild(n)));
      }
      case "string" -> {
        addLiteral(stringContent(n), n);
        return false;
      }
      case "comment" -> {
        return false;
      }
      default -> { }
    }
    return true;
  }

  private void importStatement(int n) {
    for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) {
      if (tree.type(c).equals("dotted_name")) {
        String module = tree.text(c);
        String root = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
        bindings.put(root, root);
        addImport(module, c);
      } else if (tree.type(c).equals("aliased_import")) {
        String module = tree.text(tree.field(c, "name"));
        bindings.put(tree.text(tree.field(c, "alias")), module);
        addImport(module, c);
      }
    }
  }

  private void importFrom(int n) {
    int moduleNode = tree.field(n, "module_name");
    if (moduleNode == NONE || tree.type(moduleNode).equals("relative_import")) return;
    String module = tree.text(moduleNode);
    addImport(module, moduleNode);
    for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) {
      if (c == moduleNode) continue;
      if (tree.type(c).equals("dotted_name")) {
        String name = tree.text(c);
        bindings.put(name, module + "." + name);
      } else if (tree.type(c).equals("aliased_import")) {
        bindings.put(tree.text(tree.field(c, "alias")), module + "." + tree.text(tree.field(c, "name")));
      }
    }
  }


  private void assignment(int n) {
    int left = tree.field(n, "left");
    int right = tree.field(n, "right");
    if (left == NONE || right == NONE) return;
    if (!tree.type(left).equals("identifier") && !tree.type(left).equals("attribute")) return;
    String value = resolve(right);
    String key = tree.text(left);
    if (value != null) bindings.put(key, value);
    else bindings.remove(key);
  }

  /** {@code with OpenAI() as client:} and {@code async with ... as x:} bind like an assignment. */
  private void asPattern(int n) {
    int alias = tree.field(n, "alias");
    if (alias == NONE || tree.namedChildCount(n) == 0) return;
    String target = tree.text(tree.namedChildCount(alias) == 1 ? tree.firstNamedChild(alias) : alias);
    String value = resolve(tree.firstNamedChild(n));
    if (value != null) bindings.put(target, value);
  }

  private void call(int n) {
    String name = resolve(tree.field(n, "function"));
    if (name == null) return;
    addCall(name, n, arguments(tree.field(n, "arguments")));
  }

  private void decorator(int n) {
    int expr = tree.firstNamedChild(n);
    if (expr == NONE) return;
    if (tree.type(expr).equals("call")) return; // visited as a call
    String name = resolve(expr);
    if (name != null) addCall(name, n, Map.of());
  }

  private void baseClasses(int n) {
    int supers = tree.field(n, "superclasses");
    if (supers == NONE) return;
    for (int c = tree.firstNamedChild(supers); c != NONE; c = tree.nextNamedSibling(c)) {
      String name = resolve(c);
      if (name != null) addCall(name, n, Map.of());
    }
  }

  /** The qualified name an expression stands for, or null when its root is not bound to an import. */
  private String resolve(int e) {
    if (e == NONE) return null;
    switch (tree.type(e)) {
      case "identifier" -> {
        return bindings.get(tree.text(e));
      }
      case "attribute" -> {
        String whole = bindings.get(tree.text(e));
        if (whole != null) return whole;
        String obj = resolve(tree.field(e, "object"));
        int attr = tree.field(e, "attribute");
        return obj == null || attr == NONE ? null : obj + "." + tree.text(attr);
      }
      case "call" -> {
        String fn = resolve(tree.field(e, "function"));
        return fn == null ? null : fn + "()";
      }
      case "await", "parenthesized_expression" -> {
        return tree.namedChildCount(e) == 1 ? resolve(tree.firstNamedChild(e)) : null;
      }
      default -> {
        return null;
      }
    }
  }

  private Map<String, String> arguments(int args) {
    Map<String, String> out = new LinkedHashMap<>();
    if (args == NONE) return out;
    int pos = 0;
    for (int a = tree.firstNamedChild(args); a != NONE; a = tree.nextNamedSibling(a)) {
      switch (tree.type(a)) {
        case "keyword_argument" -> {
          int k = tree.field(a, "name");
          if (k != NONE) out.put(tree.text(k), literalValue(tree.field(a, "value")));
        }
        case "comment", "list_splat", "dictionary_splat" -> { }
        default -> out.put("#" + pos++, literalValue(a));
      }
    }
    return out;
  }

  private String literalValue(int v) {
    if (v == NONE) return "";
    return switch (tree.type(v)) {
      case "string" -> tree.firstNamedChild(v, "interpolation") != NONE ? "" : stringContent(v);
      case "integer", "float", "true", "false", "none" -> tree.text(v);
      case "unary_operator" -> tree.text(v).replace(" ", "");
      default -> "";
    };
  }

  private String stringContent(int s) {
    StringBuilder b = new StringBuilder();
    for (int c = tree.firstNamedChild(s); c != NONE; c = tree.nextNamedSibling(c)) {
      if (tree.type(c).equals("string_content")) b.append(tree.text(c));
    }
    return b.toString();
  }

  private boolean isString(int n) {
    return tree.type(n).equals("string") || tree.type(n).equals("concatenated_string");
  }
}
