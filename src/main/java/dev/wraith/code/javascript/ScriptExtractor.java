package dev.wraith.code.javascript;

import dev.wraith.code.SourceFacts;
import dev.wraith.code.SyntaxTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;

/**
 * Extracts {@link SourceFacts} from one JavaScript, TypeScript or TSX syntax tree. Names resolve in
 * document order through ESM imports (default and namespace = the module, named = {@code module.Name}),
 * TS {@code import x = require()}, CommonJS {@code require()} and dynamic {@code import()} (plain or
 * destructured, also after {@code await}), and single-file instance bindings ({@code const c = new X()},
 * {@code this.c = new X()}). Relative specifiers are the project's own code and never resolve. Class
 * {@code extends} and bare decorators count as calls. Comments are never literals; environment reads
 * ({@code process.env.NAME}) are literals with value NAME.
 */
final class ScriptExtractor {
  /** Longest resolved name; longer ones (hostile chains) do not resolve. */
  private static final int MAX_NAME = 512;
  /** Whole-expression binding keys ({@code this.client}) are short; longer texts are not looked up. */
  private static final int MAX_KEY_BYTES = 256;

  private final SyntaxTree tree;
  private final ScriptText text;
  private final Map<String, String> bindings = new HashMap<>();
  /** Resolved names by node, "" for unresolvable; valid only while {@link #bindings} is unchanged. */
  private final Map<NodeKey, String> memo = new HashMap<>();
  private final List<SourceFacts.Import> imports = new ArrayList<>();
  private final List<PendingCall> calls = new ArrayList<>();
  private final List<SourceFacts.Literal> literals = new ArrayList<>();

  private ScriptExtractor(SyntaxTree tree) {
    this.tree = tree;
    this.text = new ScriptText(tree);
  }

  static SourceFacts extract(SyntaxTree tree) {
    ScriptExtractor x = new ScriptExtractor(tree);
    tree.walk(x::visit);
    List<SourceFacts.Call> calls = x.calls.stream().sorted(java.util.Comparator.comparingInt(PendingCall::end)).map(PendingCall::call).toList();
    return new SourceFacts(x.imports, calls, x.literals, tree.hasErrors());
  }

  /**
   * A call with the byte where its expression ends. Calls are reported innermost first (by end offset), so
   * that on a line like {@code generateText({ model: openai("gpt-4o") })} the provider-specific call is the
   * one kept when the matcher merges same-kind findings of one entry on one line.
   */
  private record PendingCall(int end, SourceFacts.Call call) {}

  private void addCall(TSNode at, String name, Map<String, String> args) {
    calls.add(new PendingCall(at.getEndByte(), new SourceFacts.Call(name, SyntaxTree.line(at), SyntaxTree.column(at), args)));
  }

  private boolean visit(TSNode n) {
    switch (n.getType()) {
      case "comment" -> {
        return false;
      }
      case "import_statement" -> {
        importStatement(n);
        return false;
      }
      case "export_statement" -> reExport(n);
      case "variable_declarator" -> bind(SyntaxTree.field(n, "name"), SyntaxTree.field(n, "value"));
      case "assignment_expression" -> bind(SyntaxTree.field(n, "left"), SyntaxTree.field(n, "right"));
      case "call_expression" -> call(n, SyntaxTree.field(n, "function"));
      case "new_expression" -> call(n, SyntaxTree.field(n, "constructor"));
      case "decorator" -> decorator(n);
      case "class_heritage" -> heritage(n);
      case "member_expression", "subscript_expression" -> {
        return !envRead(n); // process.env["NAME"]: the index string is the same literal
      }
      case "string", "template_string" -> {
        literal(n);
        return n.getType().equals("template_string"); // substitutions hold code
      }
      default -> { }
    }
    return true;
  }

  private void importStatement(TSNode n) {
    TSNode source = SyntaxTree.field(n, "source");
    TSNode requireClause = null;
    for (int i = 0; i < n.getNamedChildCount() && source == null; i++) {
      TSNode c = n.getNamedChild(i);
      if (c.getType().equals("import_require_clause")) {
        requireClause = c;
        source = SyntaxTree.field(c, "source");
      }
    }
    String module = specifier(source);
    if (module == null) return;
    addImport(module, n);
    if (requireClause != null) {
      for (int i = 0; i < requireClause.getNamedChildCount(); i++) {
        TSNode c = requireClause.getNamedChild(i);
        if (c.getType().equals("identifier")) setBinding(tree.text(c), module);
      }
    }
    for (int i = 0; i < n.getNamedChildCount(); i++) {
      TSNode c = n.getNamedChild(i);
      if (c.getType().equals("import_clause")) importClause(c, module);
    }
  }

  private void importClause(TSNode clause, String module) {
    for (int i = 0; i < clause.getNamedChildCount(); i++) {
      TSNode c = clause.getNamedChild(i);
      switch (c.getType()) {
        case "identifier" -> setBinding(tree.text(c), module);
        case "namespace_import" -> {
          for (int j = 0; j < c.getNamedChildCount(); j++) {
            if (c.getNamedChild(j).getType().equals("identifier")) setBinding(tree.text(c.getNamedChild(j)), module);
          }
        }
        case "named_imports" -> namedImports(c, module);
        default -> { }
      }
    }
  }

  private void namedImports(TSNode named, String module) {
    for (int i = 0; i < named.getNamedChildCount(); i++) {
      TSNode spec = named.getNamedChild(i);
      if (!spec.getType().equals("import_specifier")) continue;
      TSNode name = SyntaxTree.field(spec, "name");
      TSNode alias = SyntaxTree.field(spec, "alias");
      if (name == null) continue;
      String exported = name.getType().equals("string") ? text.stringValue(name) : tree.text(name);
      String local = alias == null ? exported : tree.text(alias);
      setBinding(local, exported.equals("default") ? module : module + "." + exported);
    }
  }

  /** {@code export ... from "m"} imports m without binding a local name. */
  private void reExport(TSNode n) {
    String module = specifier(SyntaxTree.field(n, "source"));
    if (module != null) addImport(module, n);
  }

  /** A package specifier from a string node, or null for relative and absolute paths (the project's own code). */
  private String specifier(TSNode source) {
    if (source == null || !ScriptText.isPlainString(source)) return null;
    String s = text.stringValue(source).trim();
    if (s.isEmpty() || s.startsWith(".") || s.startsWith("/") || s.length() > 214) return null;
    return s;
  }

  private void addImport(String module, TSNode at) {
    imports.add(new SourceFacts.Import(module, SyntaxTree.line(at), SyntaxTree.column(at)));
  }

  /** Binds (or unbinds) a name, a member target or each name of an object pattern to what {@code value} resolves to. */
  private void bind(TSNode target, TSNode value) {
    if (target == null) return;
    String resolved = value == null ? null : resolve(value);
    switch (target.getType()) {
      case "identifier", "member_expression" -> {
        if (target.getEndByte() - target.getStartByte() > MAX_KEY_BYTES) return;
        String key = key(target);
        if (resolved != null) setBinding(key, resolved);
        else setBinding(key, null);
      }
      case "object_pattern" -> destructure(target, resolved, value);
      default -> { }
    }
  }

  private void destructure(TSNode pattern, String base, TSNode value) {
    boolean env = value != null && text.isEnvObject(value);
    for (int i = 0; i < pattern.getNamedChildCount(); i++) {
      TSNode p = pattern.getNamedChild(i);
      TSNode local;
      String property;
      switch (p.getType()) {
        case "shorthand_property_identifier_pattern" -> {
          local = p;
          property = tree.text(p);
        }
        case "object_assignment_pattern" -> {
          local = SyntaxTree.field(p, "left");
          property = tree.text(local);
        }
        case "pair_pattern" -> {
          local = SyntaxTree.field(p, "value");
          property = tree.text(SyntaxTree.field(p, "key"));
        }
        default -> {
          continue;
        }
      }
      if (local == null || !local.getType().contains("identifier")) continue;
      if (env) literals.add(new SourceFacts.Literal(property, SyntaxTree.line(p), SyntaxTree.column(p)));
      if (base != null) setBinding(tree.text(local), property.equals("default") ? base : base + "." + property);
      else setBinding(tree.text(local), null);
    }
  }

  /** Binds or (value null) unbinds a name; any change invalidates the memoised resolutions. */
  private void setBinding(String key, String value) {
    String old = value == null ? bindings.remove(key) : bindings.put(key, value);
    if (!java.util.Objects.equals(old, value)) memo.clear();
  }

  private void call(TSNode n, TSNode callee) {
    String module = moduleOf(n);
    if (module != null) {
      addImport(module, n);
      return;
    }
    if (callee == null) return;
    String name = resolve(callee);
    if (name == null) return;
    addCall(n, name, text.arguments(SyntaxTree.field(n, "arguments")));
  }

  private void decorator(TSNode n) {
    if (n.getNamedChildCount() == 0) return;
    TSNode expr = n.getNamedChild(0);
    if (expr.getType().equals("call_expression")) return; // visited as a call
    String name = resolve(expr);
    if (name != null) addCall(n, name, Map.of());
  }

  /** {@code extends X}: the JS grammar puts the expression directly, TS wraps it in an extends_clause. */
  private void heritage(TSNode n) {
    for (int i = 0; i < n.getNamedChildCount(); i++) {
      TSNode c = n.getNamedChild(i);
      if (c.getType().equals("implements_clause") || c.getType().equals("comment")) continue;
      TSNode base = c.getType().equals("extends_clause") ? SyntaxTree.field(c, "value") : c;
      String name = base == null ? null : resolve(base);
      if (name != null) addCall(n, name, Map.of());
    }
  }

  private boolean envRead(TSNode n) {
    String name = text.envName(n);
    if (name == null || name.isEmpty()) return false;
    literals.add(new SourceFacts.Literal(name, SyntaxTree.line(n), SyntaxTree.column(n)));
    return true;
  }

  private void literal(TSNode n) {
    TSNode parent = n.getParent();
    if (parent != null && !parent.isNull() && parent.getType().equals("arguments") && moduleOf(parent.getParent()) != null) return;
    String value = text.stringValue(n);
    if (!value.isEmpty()) literals.add(new SourceFacts.Literal(value, SyntaxTree.line(n), SyntaxTree.column(n)));
  }

  /**
   * The package a {@code require("m")} or {@code import("m")} call loads, or null when the node is no such
   * call or names a relative path. {@code require} is taken to be the loader even when rebound (ESM code
   * builds its own with {@code createRequire}).
   */
  private String moduleOf(TSNode n) {
    if (n == null || n.isNull() || !n.getType().equals("call_expression")) return null;
    TSNode fn = SyntaxTree.field(n, "function");
    if (fn == null) return null;
    boolean loader = fn.getType().equals("import")
        || fn.getType().equals("identifier") && tree.text(fn).equals("require");
    if (!loader) return null;
    TSNode args = SyntaxTree.field(n, "arguments");
    if (args == null || args.getNamedChildCount() == 0) return null;
    return specifier(ScriptText.unwrap(args.getNamedChild(0)));
  }

  /**
   * The qualified name an expression stands for, or null when its root is not an import. Iterative: walks
   * the member/call chain from the outside in, then builds names from the root out, memoising every node on
   * the way so a chain of n calls costs O(n) over the whole walk, not O(n²). Names longer than
   * {@link #MAX_NAME} do not resolve (no catalogue symbol is that long; it bounds memory on hostile chains).
   */
  private String resolve(TSNode e) {
    List<TSNode> nodes = new ArrayList<>();
    List<String> suffixes = new ArrayList<>();
    String root = null;
    TSNode n = e;
    while (n != null) {
      NodeKey k = new NodeKey(n.getStartByte(), n.getEndByte(), n.getSymbol());
      String known = memo.get(k);
      if (known != null) {
        root = known.isEmpty() ? null : known;
        break;
      }
      Step step = step(n);
      if (step.root() != null || step.next() == null) {
        root = step.root();
        nodes.add(n);
        suffixes.add("");
        break;
      }
      nodes.add(n);
      suffixes.add(step.suffix());
      n = step.next();
    }
    String name = root;
    for (int i = nodes.size() - 1; i >= 0; i--) {
      if (name != null) name = name + suffixes.get(i);
      if (name != null && name.length() > MAX_NAME) name = null;
      TSNode at = nodes.get(i);
      memo.put(new NodeKey(at.getStartByte(), at.getEndByte(), at.getSymbol()), name == null ? "" : name);
    }
    return nodes.isEmpty() ? root : name;
  }

  /** One step of {@link #resolve}: either a root (a bound name) or a suffix and the inner expression to go on with. */
  private record Step(String root, String suffix, TSNode next) {}

  /** Identifies a node across TSNode instances (several nodes can share a span, not also a symbol). */
  private record NodeKey(int start, int end, int symbol) {}

  private Step step(TSNode n) {
    switch (n.getType()) {
      case "identifier" -> {
        return new Step(bindings.get(tree.text(n)), "", null);
      }
      case "member_expression" -> {
        String whole = n.getEndByte() - n.getStartByte() <= MAX_KEY_BYTES ? bindings.get(key(n)) : null;
        if (whole != null) return new Step(whole, "", null);
        TSNode prop = SyntaxTree.field(n, "property");
        if (prop == null) return new Step(null, "", null);
        String p = tree.text(prop);
        return new Step(null, p.equals("default") ? "" : "." + p, SyntaxTree.field(n, "object"));
      }
      case "call_expression" -> {
        String module = moduleOf(n);
        return module != null ? new Step(module, "", null) : new Step(null, "()", SyntaxTree.field(n, "function"));
      }
      case "new_expression" -> {
        return new Step(null, "()", SyntaxTree.field(n, "constructor"));
      }
      case "await_expression", "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression",
          "type_assertion" -> {
        return new Step(null, "", ScriptText.firstExpression(n));
      }
      default -> {
        return new Step(null, "", null);
      }
    }
  }

  /** A binding key for an identifier or member target: its text without whitespace, optional-chain or non-null marks. */
  private String key(TSNode n) {
    return tree.text(n).replaceAll("\\s+|!|\\?(?=\\.)", "");
  }
}
