package dev.wraith.code.php;

import dev.wraith.code.FactExtractor;
import dev.wraith.code.SourceFacts;
import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.HashMap;
import java.util.Map;

/**
 * Extracts {@link SourceFacts} from one PHP syntax tree. Class names are full PHP names ({@link PhpNames});
 * resolved call names:
 *
 * <ul>
 *   <li>{@code new C(..)} → {@code C}; {@code C::m(..)} → {@code C.m}; an imported function {@code f(..)} →
 *       its full name;
 *   <li>{@code $v->m(..)} (also {@code ?->}) on a value that resolves (a bound variable or property,
 *       {@code new C}, another resolved call) → the value's call-name form plus the method,
 *       {@code OpenAI.client().chat}; every link of a chain is a call of its own;
 *   <li>attributes ({@code #[AsTool(..)]}), {@code extends} and {@code implements} types → the type.
 * </ul>
 *
 * <p>Arguments: named ones ({@code model: 'gpt-4o'}) by name, the others as #0, #1; the string keys of an array
 * argument count as named ones ({@code create(['model' => 'gpt-4o'])}). Bindings ({@code $v}, {@code $this->p},
 * typed parameters and promoted properties; one flat scope in document order) hold a value's call-name form.
 * String literals count up to their first interpolation; comments never do.
 */
final class PhpExtractor extends FactExtractor {
  static final int MAX_DEPTH = 64;

  private final PhpNames names = new PhpNames();
  private final PhpValues values;
  private final Map<String, String> bindings = new HashMap<>();
  private final Map<Integer, String> resolved = new HashMap<>();

  PhpExtractor(SyntaxTree tree) {
    super(tree);
    this.values = new PhpValues(tree);
  }

  @Override
  protected boolean visit(int n) {
    switch (tree.type(n)) {
      case "comment", "text", "text_interpolation" -> {
        return false;
      }
      case "namespace_definition" -> {
        int name = tree.firstNamedChild(n, "namespace_name");
        if (name != NONE) names.namespace(tree.text(name));
      }
      case "namespace_use_declaration" -> {
        use(n);
        return false;
      }
      case "string", "encapsed_string", "heredoc", "nowdoc" -> {
        addLiteral(values.string(n), n);
      }
      case "object_creation_expression", "member_call_expression", "nullsafe_member_call_expression",
          "scoped_call_expression", "function_call_expression" -> callName(n, 0);
      case "attribute" -> type(tree.firstNamedChild(n), n, tree.firstNamedChild(n, "arguments"));
      case "base_clause", "class_interface_clause" -> {
        for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) type(c, c, NONE);
      }
      case "assignment_expression" -> {
        String key = key(tree.field(n, "left"));
        if (key != null) bind(key, value(tree.field(n, "right"), 0));
      }
      case "simple_parameter", "property_promotion_parameter" -> parameter(n);
      default -> { }
    }
    return true;
  }

  private void use(int n) {
    boolean function = false;
    String prefix = "";
    for (int c = tree.firstChild(n); c != NONE; c = tree.nextSibling(c)) {
      switch (tree.type(c)) {
        case "function" -> function = true;
        case "namespace_name" -> prefix = tree.text(c) + "\\";
        case "namespace_use_clause" -> useClause(c, "", function);
        case "namespace_use_group" -> {
          for (int g = tree.firstNamedChild(c); g != NONE; g = tree.nextNamedSibling(g)) {
            if (tree.type(g).equals("namespace_use_clause") || tree.type(g).equals("namespace_use_group_clause")) useClause(g, prefix, function);
          }
        }
        default -> { }
      }
    }
  }

  private void useClause(int c, String prefix, boolean function) {
    int target = tree.firstNamedChild(c);
    if (target == NONE) return;
    int alias = tree.nextNamedSibling(target);
    if (alias != NONE && tree.type(alias).equals("namespace_aliasing_clause")) alias = tree.firstNamedChild(alias);
    String full = (prefix + tree.text(target)).replaceAll("\\s+", "");
    if (full.startsWith("\\")) full = full.substring(1);
    addImport(full, target);
    names.use(full, alias == NONE ? null : tree.text(alias), function);
  }

  /** The resolved name of a call, memoised per node and reported when first resolved; null when it does not resolve. */
  private String callName(int n, int depth) {
    if (depth > MAX_DEPTH) return null;
    if (resolved.containsKey(n)) return resolved.get(n);
    resolved.put(n, null);
    String name = switch (tree.type(n)) {
      case "object_creation_expression" -> className(tree.firstNamedChild(n));
      case "scoped_call_expression" -> {
        String c = className(tree.field(n, "scope"));
        int m = tree.field(n, "name");
        yield c == null || m == NONE ? null : c + "." + tree.text(m);
      }
      case "function_call_expression" -> {
        int f = tree.field(n, "function");
        yield f == NONE || !tree.type(f).matches("name|qualified_name") ? null : names.resolveFunction(tree.text(f));
      }
      default -> {
        String v = value(tree.field(n, "object"), depth + 1);
        int m = tree.field(n, "name");
        yield v == null || m == NONE || !tree.type(m).equals("name") ? null : v + "." + tree.text(m);
      }
    };
    resolved.put(n, name);
    if (name != null) addCall(name, n, values.arguments(tree.firstNamedChild(n, "arguments")));
    return name;
  }

  /** The call-name form of the value an expression evaluates to, or null. */
  private String value(int e, int depth) {
    if (e == NONE || depth > MAX_DEPTH) return null;
    return switch (tree.type(e)) {
      case "variable_name", "member_access_expression", "nullsafe_member_access_expression" -> {
        String key = key(e);
        yield key == null ? null : bindings.get(key);
      }
      case "object_creation_expression", "member_call_expression", "nullsafe_member_call_expression", "scoped_call_expression",
          "function_call_expression" -> {
        String name = callName(e, depth + 1);
        yield name == null ? null : name + "()";
      }
      case "parenthesized_expression" -> value(tree.firstNamedChild(e), depth + 1);
      default -> null;
    };
  }

  /** A binding's key: {@code $v}, or {@code $this->p} for a property; null for anything else. */
  private String key(int e) {
    if (e == NONE) return null;
    return switch (tree.type(e)) {
      case "variable_name" -> tree.text(e);
      case "member_access_expression", "nullsafe_member_access_expression" -> {
        int obj = tree.field(e, "object");
        int name = tree.field(e, "name");
        yield obj != NONE && name != NONE && tree.text(obj).equals("$this") ? "$this->" + tree.text(name) : null;
      }
      default -> null;
    };
  }

  private void parameter(int n) {
    int type = tree.field(n, "type");
    int name = tree.field(n, "name");
    if (name == NONE) return;
    String t = type == NONE || !tree.type(type).equals("named_type") ? null : className(tree.firstNamedChild(type));
    String v = t == null ? null : t + "()";
    bind(tree.text(name), v);
    if (tree.type(n).equals("property_promotion_parameter")) bind("$this->" + tree.text(name).substring(1), v);
  }

  private void bind(String key, String value) {
    if (value != null) bindings.put(key, value);
    else bindings.remove(key);
  }

  /** Reports a written type (attribute, base class, interface) at {@code at}. */
  private void type(int written, int at, int arguments) {
    String c = className(written);
    if (c != null) addCall(c, at, values.arguments(arguments));
  }

  private String className(int n) {
    if (n == NONE || !tree.type(n).matches("name|qualified_name|relative_name")) return null;
    return names.resolveClass(tree.text(n));
  }

}
