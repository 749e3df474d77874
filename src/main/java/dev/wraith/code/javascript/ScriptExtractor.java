package dev.wraith.code.javascript;

import dev.wraith.code.SourceFacts;
import dev.wraith.code.SyntaxTree;
import java.util.ArrayList;
import java.util.Comparator;
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
  private final SyntaxTree tree;
  private final ScriptText text;
  private final NameResolver names;
  private final List<SourceFacts.Import> imports = new ArrayList<>();
  private final List<PendingCall> calls = new ArrayList<>();
  private final List<SourceFacts.Literal> literals = new ArrayList<>();

  private ScriptExtractor(SyntaxTree tree) {
    this.tree = tree;
    this.text = new ScriptText(tree);
    this.names = new NameResolver(tree, text);
  }

  static SourceFacts extract(SyntaxTree tree) {
    ScriptExtractor x = new ScriptExtractor(tree);
    tree.walk(x::visit);
    List<SourceFacts.Call> calls = x.calls.stream().sorted(Comparator.comparingInt(PendingCall::end)).map(PendingCall::call).toList();
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
      case "call_expression" -> {
        return call(n, SyntaxTree.field(n, "function")); // a loader's specifier is not a literal
      }
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
    String module = names.specifier(source);
    if (module == null) return;
    addImport(module, n);
    if (requireClause != null) {
      for (int i = 0; i < requireClause.getNamedChildCount(); i++) {
        TSNode c = requireClause.getNamedChild(i);
        if (c.getType().equals("identifier")) names.bind(tree.text(c), module);
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
        case "identifier" -> names.bind(tree.text(c), module);
        case "namespace_import" -> {
          for (int j = 0; j < c.getNamedChildCount(); j++) {
            if (c.getNamedChild(j).getType().equals("identifier")) names.bind(tree.text(c.getNamedChild(j)), module);
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
      names.bind(local, exported.equals("default") ? module : module + "." + exported);
    }
  }

  /** {@code export ... from "m"} imports m without binding a local name. */
  private void reExport(TSNode n) {
    String module = names.specifier(SyntaxTree.field(n, "source"));
    if (module != null) addImport(module, n);
  }

  private void addImport(String module, TSNode at) {
    imports.add(new SourceFacts.Import(module, SyntaxTree.line(at), SyntaxTree.column(at)));
  }

  /** Binds (or unbinds) a name, a member target or each name of an object pattern to what {@code value} resolves to. */
  private void bind(TSNode target, TSNode value) {
    if (target == null) return;
    String resolved = value == null ? null : names.resolve(value);
    switch (target.getType()) {
      case "identifier", "member_expression" -> {
        String key = names.key(target);
        if (key != null) names.bind(key, resolved);
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
      if (base != null) names.bind(tree.text(local), property.equals("default") ? base : base + "." + property);
      else names.bind(tree.text(local), null);
    }
  }

  /** Records a resolved call, or the import a require/import() call makes; false for the latter. */
  private boolean call(TSNode n, TSNode callee) {
    String module = names.moduleOf(n);
    if (module != null) {
      addImport(module, n);
      return false;
    }
    String name = callee == null ? null : names.resolve(callee);
    if (name != null) addCall(n, name, text.arguments(SyntaxTree.field(n, "arguments")));
    return true;
  }

  private void decorator(TSNode n) {
    if (n.getNamedChildCount() == 0) return;
    TSNode expr = n.getNamedChild(0);
    if (expr.getType().equals("call_expression")) return; // visited as a call
    String name = names.resolve(expr);
    if (name != null) addCall(n, name, Map.of());
  }

  /** {@code extends X}: the JS grammar puts the expression directly, TS wraps it in an extends_clause. */
  private void heritage(TSNode n) {
    for (int i = 0; i < n.getNamedChildCount(); i++) {
      TSNode c = n.getNamedChild(i);
      if (c.getType().equals("implements_clause") || c.getType().equals("comment")) continue;
      TSNode base = c.getType().equals("extends_clause") ? SyntaxTree.field(c, "value") : c;
      String name = base == null ? null : names.resolve(base);
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
    String value = text.stringValue(n);
    if (!value.isEmpty()) literals.add(new SourceFacts.Literal(value, SyntaxTree.line(n), SyntaxTree.column(n)));
  }
}
