package dev.wraith.code.python;

import dev.wraith.code.SourceFacts;
import dev.wraith.code.SyntaxTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;

/**
 * Extracts {@link SourceFacts} from one Python syntax tree. Names resolve through {@code import x as y},
 * {@code from m import n as k} and single-file instance bindings ({@code client = OpenAI()},
 * {@code self.llm = ChatOpenAI()}), in document order. Decorators and base classes count as calls, so
 * {@code @tool} and {@code class T(BaseTool)} are seen. Docstrings and bare string statements are not literals.
 */
final class PythonExtractor {
  private final SyntaxTree tree;
  private final Map<String, String> bindings = new HashMap<>();
  private final List<SourceFacts.Import> imports = new ArrayList<>();
  private final List<SourceFacts.Call> calls = new ArrayList<>();
  private final List<SourceFacts.Literal> literals = new ArrayList<>();

  private PythonExtractor(SyntaxTree tree) {
    this.tree = tree;
  }

  static SourceFacts extract(SyntaxTree tree) {
    PythonExtractor x = new PythonExtractor(tree);
    tree.walk(x::visit);
    return new SourceFacts(x.imports, x.calls, x.literals, tree.hasErrors());
  }

  private boolean visit(TSNode n) {
    switch (n.getType()) {
      case "import_statement" -> importStatement(n);
      case "import_from_statement" -> importFrom(n);
      case "assignment" -> assignment(n);
      case "as_pattern" -> asPattern(n);
      case "call" -> call(n);
      case "decorator" -> decorator(n);
      case "class_definition" -> baseClasses(n);
      case "expression_statement" -> {
        // a statement that is only a string is a docstring or a comment-like string: not code
        return !(n.getNamedChildCount() == 1 && isString(n.getNamedChild(0)));
      }
      case "string" -> {
        literal(n);
        return false;
      }
      case "comment" -> {
        return false;
      }
      default -> { }
    }
    return true;
  }

  private void importStatement(TSNode n) {
    for (int i = 0; i < n.getNamedChildCount(); i++) {
      TSNode c = n.getNamedChild(i);
      if (c.getType().equals("dotted_name")) {
        String module = tree.text(c);
        String root = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
        bindings.put(root, root);
        addImport(module, c);
      } else if (c.getType().equals("aliased_import")) {
        String module = tree.text(SyntaxTree.field(c, "name"));
        bindings.put(tree.text(SyntaxTree.field(c, "alias")), module);
        addImport(module, c);
      }
    }
  }

  private void importFrom(TSNode n) {
    TSNode moduleNode = SyntaxTree.field(n, "module_name");
    if (moduleNode == null || moduleNode.getType().equals("relative_import")) return;
    String module = tree.text(moduleNode);
    addImport(module, moduleNode);
    for (int i = 0; i < n.getNamedChildCount(); i++) {
      TSNode c = n.getNamedChild(i);
      if (TSNode.eq(c, moduleNode)) continue;
      if (c.getType().equals("dotted_name")) {
        String name = tree.text(c);
        bindings.put(name, module + "." + name);
      } else if (c.getType().equals("aliased_import")) {
        bindings.put(tree.text(SyntaxTree.field(c, "alias")), module + "." + tree.text(SyntaxTree.field(c, "name")));
      }
    }
  }

  private void addImport(String module, TSNode at) {
    imports.add(new SourceFacts.Import(module, SyntaxTree.line(at), SyntaxTree.column(at)));
  }

  private void assignment(TSNode n) {
    TSNode left = SyntaxTree.field(n, "left");
    TSNode right = SyntaxTree.field(n, "right");
    if (left == null || right == null) return;
    if (!left.getType().equals("identifier") && !left.getType().equals("attribute")) return;
    String value = resolve(right);
    String key = tree.text(left);
    if (value != null) bindings.put(key, value);
    else bindings.remove(key);
  }

  /** {@code with OpenAI() as client:} and {@code async with ... as x:} bind like an assignment. */
  private void asPattern(TSNode n) {
    TSNode alias = SyntaxTree.field(n, "alias");
    if (alias == null || n.getNamedChildCount() == 0) return;
    String target = tree.text(alias.getNamedChildCount() == 1 ? alias.getNamedChild(0) : alias);
    String value = resolve(n.getNamedChild(0));
    if (value != null) bindings.put(target, value);
  }

  private void call(TSNode n) {
    String name = resolve(SyntaxTree.field(n, "function"));
    if (name == null) return;
    calls.add(new SourceFacts.Call(name, SyntaxTree.line(n), SyntaxTree.column(n), arguments(SyntaxTree.field(n, "arguments"))));
  }

  private void decorator(TSNode n) {
    if (n.getNamedChildCount() == 0) return;
    TSNode expr = n.getNamedChild(0);
    if (expr.getType().equals("call")) return; // visited as a call
    String name = resolve(expr);
    if (name != null) calls.add(new SourceFacts.Call(name, SyntaxTree.line(n), SyntaxTree.column(n), Map.of()));
  }

  private void baseClasses(TSNode n) {
    TSNode supers = SyntaxTree.field(n, "superclasses");
    if (supers == null) return;
    for (int i = 0; i < supers.getNamedChildCount(); i++) {
      String name = resolve(supers.getNamedChild(i));
      if (name != null) calls.add(new SourceFacts.Call(name, SyntaxTree.line(n), SyntaxTree.column(n), Map.of()));
    }
  }

  /** The qualified name an expression stands for, or null when its root is not bound to an import. */
  private String resolve(TSNode e) {
    if (e == null) return null;
    switch (e.getType()) {
      case "identifier" -> {
        return bindings.get(tree.text(e));
      }
      case "attribute" -> {
        String whole = bindings.get(tree.text(e));
        if (whole != null) return whole;
        String obj = resolve(SyntaxTree.field(e, "object"));
        TSNode attr = SyntaxTree.field(e, "attribute");
        return obj == null || attr == null ? null : obj + "." + tree.text(attr);
      }
      case "call" -> {
        String fn = resolve(SyntaxTree.field(e, "function"));
        return fn == null ? null : fn + "()";
      }
      case "await", "parenthesized_expression" -> {
        return e.getNamedChildCount() == 1 ? resolve(e.getNamedChild(0)) : null;
      }
      default -> {
        return null;
      }
    }
  }

  private Map<String, String> arguments(TSNode args) {
    Map<String, String> out = new LinkedHashMap<>();
    if (args == null) return out;
    int pos = 0;
    for (int i = 0; i < args.getNamedChildCount(); i++) {
      TSNode a = args.getNamedChild(i);
      switch (a.getType()) {
        case "keyword_argument" -> {
          TSNode k = SyntaxTree.field(a, "name");
          if (k != null) out.put(tree.text(k), literalValue(SyntaxTree.field(a, "value")));
        }
        case "comment", "list_splat", "dictionary_splat" -> { }
        default -> out.put("#" + pos++, literalValue(a));
      }
    }
    return out;
  }

  private String literalValue(TSNode v) {
    if (v == null) return "";
    return switch (v.getType()) {
      case "string" -> hasInterpolation(v) ? "" : stringContent(v);
      case "integer", "float", "true", "false", "none" -> tree.text(v);
      case "unary_operator" -> tree.text(v).replace(" ", "");
      default -> "";
    };
  }

  private void literal(TSNode n) {
    String value = stringContent(n);
    if (!value.isEmpty()) literals.add(new SourceFacts.Literal(value, SyntaxTree.line(n), SyntaxTree.column(n)));
  }

  private String stringContent(TSNode s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.getNamedChildCount(); i++) {
      TSNode c = s.getNamedChild(i);
      if (c.getType().equals("string_content")) b.append(tree.text(c));
    }
    return b.toString();
  }

  private static boolean hasInterpolation(TSNode s) {
    for (int i = 0; i < s.getNamedChildCount(); i++) if (s.getNamedChild(i).getType().equals("interpolation")) return true;
    return false;
  }

  private static boolean isString(TSNode n) {
    return n.getType().equals("string") || n.getType().equals("concatenated_string");
  }
}
