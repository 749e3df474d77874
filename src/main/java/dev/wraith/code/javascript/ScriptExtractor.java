package dev.wraith.code.javascript;

import dev.wraith.code.SourceFacts;
import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

  private void addCall(int at, String name, Map<String, String> args) {
    calls.add(new PendingCall(tree.endByte(at), new SourceFacts.Call(name, tree.line(at), tree.column(at), args)));
  }

  private boolean visit(int n) {
    switch (tree.type(n)) {
      case "comment" -> {
        return false;
      }
      case "import_statement" -> {
        importStatement(n);
        return false;
      }
      case "export_statement" -> reExport(n);
      case "variable_declarator" -> bind(tree.field(n, "name"), tree.field(n, "value"));
      case "assignment_expression" -> bind(tree.field(n, "left"), tree.field(n, "right"));
      case "call_expression" -> {
        return call(n, tree.field(n, "function")); // a loader's specifier is not a literal
      }
      case "new_expression" -> call(n, tree.field(n, "constructor"));
      case "decorator" -> decorator(n);
      case "class_heritage" -> heritage(n);
      case "member_expression", "subscript_expression" -> {
        return !envRead(n); // process.env["NAME"]: the index string is the same literal
      }
      case "string", "template_string" -> {
        literal(n);
        return tree.type(n).equals("template_string"); // substitutions hold code
      }
      default -> { }
    }
    return true;
  }

  private void importStatement(int n) {
    int source = tree.field(n, "source");
    int requireClause = NONE;
    for (int c = tree.firstNamedChild(n); c != NONE && source == NONE; c = tree.nextNamedSibling(c)) {
      if (tree.type(c).equals("import_require_clause")) {
        requireClause = c;
        source = tree.field(c, "source");
      }
    }
    String module = names.specifier(source);
    if (module == null) return;
    addImport(module, n);
    if (requireClause != NONE) {
      for (int c = tree.firstNamedChild(requireClause); c != NONE; c = tree.nextNamedSibling(c)) {
        if (tree.type(c).equals("identifier")) names.bind(tree.text(c), module);
      }
    }
    for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) {
      if (tree.type(c).equals("import_clause")) importClause(c, module);
    }
  }

  private void importClause(int clause, String module) {
    for (int c = tree.firstNamedChild(clause); c != NONE; c = tree.nextNamedSibling(c)) {
      switch (tree.type(c)) {
        case "identifier" -> names.bind(tree.text(c), module);
        case "namespace_import" -> {
          for (int id = tree.firstNamedChild(c); id != NONE; id = tree.nextNamedSibling(id)) {
            if (tree.type(id).equals("identifier")) names.bind(tree.text(id), module);
          }
        }
        case "named_imports" -> namedImports(c, module);
        default -> { }
      }
    }
  }

  private void namedImports(int named, String module) {
    for (int spec = tree.firstNamedChild(named); spec != NONE; spec = tree.nextNamedSibling(spec)) {
      if (!tree.type(spec).equals("import_specifier")) continue;
      int name = tree.field(spec, "name");
      int alias = tree.field(spec, "alias");
      if (name == NONE) continue;
      String exported = tree.type(name).equals("string") ? text.stringValue(name) : tree.text(name);
      String local = alias == NONE ? exported : tree.text(alias);
      names.bind(local, exported.equals("default") ? module : module + "." + exported);
    }
  }

  /** {@code export ... from "m"} imports m without binding a local name. */
  private void reExport(int n) {
    String module = names.specifier(tree.field(n, "source"));
    if (module != null) addImport(module, n);
  }

  private void addImport(String module, int at) {
    imports.add(new SourceFacts.Import(module, tree.line(at), tree.column(at)));
  }

  /** Binds (or unbinds) a name, a member target or each name of an object pattern to what {@code value} resolves to. */
  private void bind(int target, int value) {
    if (target == NONE) return;
    String resolved = value == NONE ? null : names.resolve(value);
    switch (tree.type(target)) {
      case "identifier", "member_expression" -> {
        String key = names.key(target);
        if (key != null) names.bind(key, resolved);
      }
      case "object_pattern" -> destructure(target, resolved, value);
      default -> { }
    }
  }

  private void destructure(int pattern, String base, int value) {
    boolean env = value != NONE && text.isEnvObject(value);
    for (int p = tree.firstNamedChild(pattern); p != NONE; p = tree.nextNamedSibling(p)) {
      int local;
      String property;
      switch (tree.type(p)) {
        case "shorthand_property_identifier_pattern" -> {
          local = p;
          property = tree.text(p);
        }
        case "object_assignment_pattern" -> {
          local = tree.field(p, "left");
          property = tree.text(local);
        }
        case "pair_pattern" -> {
          local = tree.field(p, "value");
          property = tree.text(tree.field(p, "key"));
        }
        default -> {
          continue;
        }
      }
      if (local == NONE || !tree.type(local).contains("identifier")) continue;
      if (env) literals.add(new SourceFacts.Literal(property, tree.line(p), tree.column(p)));
      if (base != null) names.bind(tree.text(local), property.equals("default") ? base : base + "." + property);
      else names.bind(tree.text(local), null);
    }
  }

  /** Records a resolved call, or the import a require/import() call makes; false for the latter. */
  private boolean call(int n, int callee) {
    String module = names.moduleOf(n);
    if (module != null) {
      addImport(module, n);
      return false;
    }
    String name = callee == NONE ? null : names.resolve(callee);
    if (name != null) addCall(n, name, text.arguments(tree.field(n, "arguments")));
    return true;
  }

  private void decorator(int n) {
    int expr = tree.firstNamedChild(n);
    if (expr == NONE) return;
    if (tree.type(expr).equals("call_expression")) return; // visited as a call
    String name = names.resolve(expr);
    if (name != null) addCall(n, name, Map.of());
  }

  /** {@code extends X}: the JS grammar puts the expression directly, TS wraps it in an extends_clause. */
  private void heritage(int n) {
    for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) {
      if (tree.type(c).equals("implements_clause") || tree.type(c).equals("comment")) continue;
      int base = tree.type(c).equals("extends_clause") ? tree.field(c, "value") : c;
      String name = base == NONE ? null : names.resolve(base);
      if (name != null) addCall(n, name, Map.of());
    }
  }

  private boolean envRead(int n) {
    String name = text.envName(n);
    if (name == null || name.isEmpty()) return false;
    literals.add(new SourceFacts.Literal(name, tree.line(n), tree.column(n)));
    return true;
  }

  private void literal(int n) {
    String value = text.stringValue(n);
    if (!value.isEmpty()) literals.add(new SourceFacts.Literal(value, tree.line(n), tree.column(n)));
  }
}
