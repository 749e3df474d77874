package dev.wraith.code.rust;

import dev.wraith.code.Bindings;
import dev.wraith.code.FactExtractor;
import dev.wraith.code.SourceFacts;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.java.JavaNames;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Extracts {@link SourceFacts} from one Rust syntax tree. Paths are written with dots ({@code rig::providers::openai}
 * → {@code rig.providers.openai}) and resolved through the file's {@code use} tree as Java names resolve through
 * imports ({@link JavaNames}); resolved call names:
 *
 * <ul>
 *   <li>{@code P::f(..)} (associated or free function, {@code Client::new}, {@code openai::Client::from_env})
 *       → {@code FQN(P).f}; an imported function {@code f(..)} → {@code FQN(f)};
 *   <li>{@code v.m(..)} on a value that resolves (a bound variable or {@code self} field, another resolved call)
 *       → the value's call-name form plus the method, {@code rig.providers.openai.Client.from_env().agent}; every
 *       link of a chain is a call of its own, whose first argument is also named after its method
 *       ({@code .model("gpt-4o")} gives {@code model});
 *   <li>struct literals {@code T { f: v }} → {@code FQN(T)} with fields as named args; attributes
 *       ({@code #[tool(..)]}) and implemented traits ({@code impl Tool for X}) → their paths.
 * </ul>
 *
 * <p>Bindings ({@code let}, parameters and struct fields by declared type, {@code self.f}; one flat scope in
 * document order). {@code crate::}, {@code self::}, {@code super::} and {@code Self::} paths never resolve.
 * String literals (also inside macros) are literals; comments and doc comments never are.
 */
final class RustExtractor extends FactExtractor {
  static final int MAX_DEPTH = 64;
  private static final Set<String> LOCAL = Set.of("crate", "self", "super", "Self");

  private final JavaNames names;
  private final RustValues values;
  private final Bindings bindings = new Bindings();
  private final Map<Integer, String> resolved = new HashMap<>();

  /** @param owned whether a crate path belongs to a catalogue signature (for glob imports) */
  RustExtractor(SyntaxTree tree, Predicate<String> owned) {
    super(tree);
    this.names = new JavaNames(owned);
    this.values = new RustValues(tree);
  }

  @Override
  protected boolean visit(int n) {
    switch (tree.type(n)) {
      case "line_comment", "block_comment" -> {
        return false;
      }
      case "use_declaration" -> {
        use(tree.field(n, "argument"), "", 0);
        return false;
      }
      case "string_literal", "raw_string_literal" -> {
        addLiteral(values.string(n), n);
        return false;
      }
      case "call_expression" -> callName(n, 0);
      case "struct_expression" -> {
        String t = path(tree.field(n, "name"));
        if (t != null) addCall(t, n, values.fields(tree.field(n, "body")));
      }
      case "attribute" -> {
        String t = path(tree.firstNamedChild(n));
        if (t != null) addCall(t, n, Map.of());
      }
      case "impl_item" -> {
        String t = path(tree.field(n, "trait"));
        if (t != null) addCall(t, n, Map.of());
      }
      case "let_declaration" -> {
        int pattern = tree.field(n, "pattern");
        if (pattern != NONE && tree.type(pattern).equals("mut_pattern")) pattern = tree.firstNamedChild(pattern);
        if (pattern != NONE && tree.type(pattern).equals("identifier")) bind(tree.text(pattern), tree.field(n, "value"), tree.field(n, "type"));
      }
      case "parameter" -> {
        int pattern = tree.field(n, "pattern");
        if (pattern != NONE && tree.type(pattern).equals("identifier")) bind(tree.text(pattern), NONE, tree.field(n, "type"));
      }
      case "field_declaration" -> {
        int name = tree.field(n, "name");
        if (name != NONE) bind("self." + tree.text(name), NONE, tree.field(n, "type"));
      }
      default -> { }
    }
    return true;
  }

  /** Expands a use tree: {@code a::b::C}, {@code a::{b, c::D}}, {@code a::b as c}, {@code a::*}. */
  private void use(int n, String prefix, int depth) {
    if (n == NONE || depth > MAX_DEPTH) return;
    switch (tree.type(n)) {
      case "identifier", "scoped_identifier" -> imported(n, prefix + dotted(n), null);
      case "use_as_clause" -> {
        int alias = tree.field(n, "alias");
        imported(tree.field(n, "path"), prefix + dotted(tree.field(n, "path")), alias == NONE ? null : tree.text(alias));
      }
      case "scoped_use_list" -> {
        int path = tree.field(n, "path");
        String p = path == NONE ? prefix : prefix + dotted(path) + ".";
        use(tree.field(n, "list"), p, depth + 1);
      }
      case "use_list" -> {
        for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) use(c, prefix, depth + 1);
      }
      case "use_wildcard" -> {
        int path = tree.firstNamedChild(n);
        String p = path == NONE ? prefix : prefix + dotted(path);
        if (p.endsWith(".")) p = p.substring(0, p.length() - 1);
        if (!p.isEmpty() && !LOCAL.contains(p.split("\\.", -1)[0])) {
          addImport(p, n);
          names.importOnDemand(p);
        }
      }
      default -> { }
    }
  }

  private void imported(int at, String path, String alias) {
    if (at == NONE || path.isEmpty()) return;
    if (path.startsWith("::")) path = path.substring(2);
    if (path.endsWith(".self")) path = path.substring(0, path.length() - ".self".length()); // use a::b::{self}
    if (LOCAL.contains(path.split("\\.", -1)[0])) return;
    addImport(path, at);
    if (alias != null && !alias.equals("_")) names.importAlias(alias, path);
    else if (alias == null) names.importType(path);
  }

  /** The resolved name of a call, memoised per node and reported when first resolved; null when it does not resolve. */
  private String callName(int n, int depth) {
    if (depth > MAX_DEPTH) return null;
    if (resolved.containsKey(n)) return resolved.get(n);
    resolved.put(n, null);
    int f = tree.field(n, "function");
    if (f != NONE && tree.type(f).equals("generic_function")) f = tree.field(f, "function");
    String name = null;
    String method = "";
    if (f != NONE) {
      switch (tree.type(f)) {
        case "identifier", "scoped_identifier" -> name = path(f);
        case "field_expression" -> {
          int field = tree.field(f, "field");
          String v = value(tree.field(f, "value"), depth + 1);
          if (v != null && field != NONE) {
            method = tree.text(field);
            name = v + "." + method;
          }
        }
        default -> { }
      }
    }
    resolved.put(n, name);
    if (name != null) addCall(name, n, values.arguments(tree.field(n, "arguments"), method));
    return name;
  }

  /** The call-name form of the value an expression evaluates to, or null. */
  private String value(int e, int depth) {
    if (e == NONE || depth > MAX_DEPTH) return null;
    return switch (tree.type(e)) {
      case "identifier" -> bindings.get(tree.text(e));
      case "field_expression" -> {
        int v = tree.field(e, "value");
        int field = tree.field(e, "field");
        if (v == NONE || field == NONE) yield null;
        if (tree.type(v).equals("self")) yield bindings.get("self." + tree.text(field));
        String base = value(v, depth + 1);
        yield base == null ? null : base + "." + tree.text(field);
      }
      case "call_expression" -> {
        String name = callName(e, depth + 1);
        if (name == null) yield null;
        // T::f(..) on a type (Client::new(), openai::Client::from_env()) is an instance of T, as in Java
        int f = tree.field(e, "function");
        int dot = name.lastIndexOf('.');
        boolean onType = f != NONE && tree.type(f).equals("scoped_identifier") && name.indexOf('(') < 0 && dot > 0
            && Character.isUpperCase(name.charAt(name.lastIndexOf('.', dot - 1) + 1));
        yield onType ? name.substring(0, dot) + "()" : name + "()";
      }
      case "struct_expression" -> {
        String t = path(tree.field(e, "name"));
        yield t == null ? null : t + "()";
      }
      case "await_expression", "try_expression", "parenthesized_expression", "reference_expression" ->
          value(tree.firstNamedChild(e), depth + 1);
      default -> null;
    };
  }

  private void bind(String key, int value, int declaredType) {
    bindings.bind(key, value == NONE ? null : value(value, 0), () -> declaredType == NONE ? null : typeName(declaredType, 0));
  }

  /** The full name of a type ({@code Client}, {@code &Client}, {@code Arc<Client>} is not unwrapped), or null. */
  private String typeName(int t, int depth) {
    if (t == NONE || depth > 8) return null;
    return switch (tree.type(t)) {
      case "type_identifier", "scoped_type_identifier" -> path(t);
      case "reference_type" -> typeName(tree.field(t, "type"), depth + 1);
      case "generic_type" -> typeName(tree.field(t, "type"), depth + 1);
      default -> null;
    };
  }

  /** The full name of a path expression or type ({@code a::b::C}, {@code C::<T>::new}), or null. */
  private String path(int n) {
    if (n == NONE || tree.endByte(n) - tree.startByte(n) > 512) return null;
    if (!tree.type(n).matches("identifier|type_identifier|scoped_identifier|scoped_type_identifier|generic_type")) return null;
    String p = dotted(n);
    if (p.isEmpty() || p.startsWith(".") || LOCAL.contains(p.split("\\.", -1)[0])) return null;
    return names.dotted(p);
  }

  /** A path's text with {@code ::} as dots and generic arguments dropped ({@code Client::<C>::new} → Client.new). */
  private String dotted(int n) {
    if (n == NONE) return "";
    String s = tree.text(n).replaceAll("\\s+", "").replaceAll("<[^<>]*>", "").replaceAll("<[^<>]*>", "");
    s = s.replace("::", ".");
    return s.replaceAll("\\.+", ".");
  }

}
