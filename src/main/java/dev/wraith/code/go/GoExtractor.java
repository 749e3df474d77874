package dev.wraith.code.go;

import dev.wraith.code.FactExtractor;
import dev.wraith.code.SourceFacts;
import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Extracts {@link SourceFacts} from one Go syntax tree. Resolved call names:
 *
 * <ul>
 *   <li>{@code pkg.Func(a)} → {@code importpath.Func} with args {@code #0}, ...; functional options such as
 *       {@code option.WithAPIKey(k)} are calls like any other;
 *   <li>generic calls {@code pkg.Func[T](a)} → {@code importpath.Func} as well;
 *   <li>composite literals {@code pkg.Type{Field: v}} and {@code &pkg.Type{...}} → {@code importpath.Type}
 *       with one keyword arg per field, named bean-style with its first letter lower-cased ({@code Model}
 *       → {@code model}, {@code MaxTokens} → {@code maxTokens}, {@code APIKey} unchanged) so the catalogue's language-neutral code hints
 *       apply; unkeyed elements are {@code #0}, ...;
 *   <li>{@code v.Method(a)} where {@code v} is bound → the binding plus the selector path:
 *       {@code client := openai.NewClient(k); client.CreateChatCompletion(..)} gives
 *       {@code github.com/sashabaranov/go-openai.NewClient().CreateChatCompletion}.
 * </ul>
 *
 * <p>Bindings ({@code :=}, {@code =}, {@code var}, parameters; one flat scope in document order) hold the
 * value's call-name form: {@code path.NewClient()} for a call result (the first of several results, so
 * {@code c, err := genai.NewClient(..)} binds {@code c}), {@code path.Type()} for a struct literal or a
 * declared type ({@code var c *openai.Client}, {@code func f(c *openai.Client)}). A struct field of an
 * imported type ({@code client *openai.Client}) is found by name through any unbound variable
 * ({@code b.client.CreateChatCompletion} → {@code ...go-openai.Client().CreateChatCompletion}), a heuristic
 * since one file cannot know the variable's type. Interpreted and raw string
 * literals are literals, except import paths; comments never are.
 */
final class GoExtractor extends FactExtractor {
  /** Deepest selector or call chain resolved; real code stays far below, hostile chains cost n x this. */
  private static final int MAX_DEPTH = 24;
  private static final int MAX_KEY = 256;

  private final GoImports packages;
  private final Map<String, String> bindings = new HashMap<>();
  private final Map<Integer, String> resolved = new HashMap<>();
  private final Map<String, String> fields = new HashMap<>();

  /** @param owned whether a catalogue signature owns an import path (only those get guessed package names) */
  GoExtractor(SyntaxTree tree, Predicate<String> owned) {
    super(tree);
    this.packages = new GoImports(owned);
  }

  @Override
  protected boolean visit(int n) {
    switch (tree.type(n)) {
      case "import_spec" -> {
        importSpec(n);
        return false;
      }
      case "comment" -> {
        return false;
      }
      case "interpreted_string_literal", "raw_string_literal" -> {
        addLiteral(string(n), n);
        return false;
      }
      case "call_expression" -> call(n);
      case "composite_literal" -> composite(n);
      case "type_conversion_expression" -> conversion(n);
      case "field_declaration" -> structField(n);
      case "short_var_declaration", "assignment_statement" ->
          bindAll(tree.field(n, "left"), tree.field(n, "right"), NONE);
      case "var_spec", "parameter_declaration" -> bindAll(n, tree.field(n, "value"), tree.field(n, "type"));
      default -> { }
    }
    return true;
  }

  private void importSpec(int n) {
    int path = tree.field(n, "path");
    if (path == NONE) return;
    String p = string(path);
    if (p.isEmpty()) return;
    int name = tree.field(n, "name");
    packages.add(p, name == NONE ? null : tree.text(name));
    addImport(p, n);
  }

  private void call(int n) {
    String name = resolve(tree.field(n, "function"), 0);
    if (name == null) return;
    Map<String, String> args = new LinkedHashMap<>();
    int list = tree.field(n, "arguments");
    int pos = 0;
    for (int a = tree.firstNamedChild(list); a != NONE; a = tree.nextNamedSibling(a)) {
      if (!tree.type(a).equals("comment")) args.put("#" + pos++, value(a));
    }
    addCall(name, n, args);
  }

  private void composite(int n) {
    String type = typeName(tree.field(n, "type"));
    if (type == null) return;
    Map<String, String> args = new LinkedHashMap<>();
    int body = tree.field(n, "body");
    int pos = 0;
    for (int e = tree.firstNamedChild(body); e != NONE; e = tree.nextNamedSibling(e)) {
      if (tree.type(e).equals("keyed_element")) {
        String key = tree.text(unwrap(tree.field(e, "key")));
        if (!key.isEmpty()) args.putIfAbsent(decapitalize(key), value(unwrap(tree.field(e, "value"))));
      } else if (tree.type(e).equals("literal_element")) {
        args.put("#" + pos++, value(unwrap(e)));
      }
    }
    addCall(type, n, args);
  }

  /** Remembers struct fields of imported types ({@code client *openai.Client}) by field name. */
  private void structField(int n) {
    String type = typeName(tree.field(n, "type"));
    if (type == null) return;
    for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) {
      if (tree.type(c).equals("field_identifier")) fields.put(tree.text(c), type + "()");
    }
  }

  /**
   * {@code pkg.Func[T](x)} parses as a conversion (the grammar cannot tell them apart); like
   * {@code pkg.Type(x)}, which parses as a call, it is reported as a call.
   */
  private void conversion(int n) {
    String type = typeName(tree.field(n, "type"));
    if (type == null) return;
    Map<String, String> args = new LinkedHashMap<>();
    args.put("#0", value(tree.field(n, "operand")));
    addCall(type, n, args);
  }

  /**
   * Binds names to values pairwise, or every name to the first value when one call yields several
   * results; with no value, to the declared type. Names whose value does not resolve are unbound.
   */
  private void bindAll(int names, int values, int declaredType) {
    if (names == NONE) return;
    List<Integer> left = new ArrayList<>();
    for (int c = tree.firstNamedChild(names); c != NONE; c = tree.nextNamedSibling(c)) {
      if (tree.type(c).equals("identifier") || tree.type(c).equals("selector_expression")) left.add(c);
    }
    List<Integer> right = new ArrayList<>();
    for (int v = tree.firstNamedChild(values); v != NONE; v = tree.nextNamedSibling(v)) right.add(v);
    String declared = declaredType == NONE ? null : typeName(declaredType);
    for (int i = 0; i < left.size(); i++) {
      String v = null;
      if (right.size() == left.size()) v = resolve(right.get(i), 0);
      else if (right.size() == 1 && i == 0) v = resolve(right.get(0), 0);
      if (v == null && declared != null) v = declared + "()";
      String key = tree.text(left.get(i));
      if (v != null) bindings.put(key, v);
      else bindings.remove(key);
    }
  }

  /**
   * The call-name form of an expression rooted at an import or a binding, or null. Results for selectors
   * and calls are memoised per node, so a statement's value and its calls agree (both see the bindings
   * from before the statement) and a long chain is walked once, not once per link.
   */
  private String resolve(int e, int depth) {
    if (e == NONE || depth > MAX_DEPTH) return null;
    String type = tree.type(e);
    if (!type.equals("selector_expression") && !type.equals("call_expression")) return resolveUncached(e, type, depth);
    if (resolved.containsKey(e)) return resolved.get(e);
    String v = resolveUncached(e, type, depth);
    resolved.put(e, v);
    return v;
  }

  private String resolveUncached(int e, String type, int depth) {
    switch (type) {
      case "identifier" -> {
        String b = bindings.get(tree.text(e));
        return b != null ? b : packages.path(tree.text(e));
      }
      case "selector_expression" -> {
        // binding keys are short ("s.client"); never copy the text of a long chain once per link
        String whole = tree.endByte(e) - tree.startByte(e) <= MAX_KEY ? bindings.get(tree.text(e)) : null;
        if (whole != null) return whole;
        int operandNode = tree.field(e, "operand");
        String operand = resolve(operandNode, depth + 1);
        int field = tree.field(e, "field");
        if (field == NONE) return null;
        if (operand == null && operandNode != NONE && tree.type(operandNode).equals("identifier")) {
          return fields.get(tree.text(field)); // recv.client where a struct here declares client *pkg.Type
        }
        return operand == null ? null : operand + "." + tree.text(field);
      }
      case "call_expression" -> {
        String fn = resolve(tree.field(e, "function"), depth + 1);
        return fn == null ? null : fn + "()";
      }
      case "composite_literal", "type_conversion_expression" -> {
        String t = typeName(tree.field(e, "type"));
        return t == null ? null : t + "()";
      }
      case "parenthesized_expression" -> {
        return tree.namedChildCount(e) == 1 ? resolve(tree.namedChild(e, 0), depth + 1) : null;
      }
      case "unary_expression" -> {
        return resolve(tree.field(e, "operand"), depth + 1);
      }
      default -> {
        return null;
      }
    }
  }

  /** {@code importpath.Type} for {@code pkg.Type}, {@code *pkg.Type} or {@code pkg.Type[T]}, else null. */
  private String typeName(int t) {
    for (int depth = 0; t != NONE && depth < MAX_DEPTH; depth++) {
      switch (tree.type(t)) {
        case "qualified_type" -> {
          String path = packages.path(tree.text(tree.field(t, "package")));
          int name = tree.field(t, "name");
          return path == null || name == NONE ? null : path + "." + tree.text(name);
        }
        case "pointer_type", "parenthesized_type" -> t = tree.namedChildCount(t) == 1 ? tree.firstNamedChild(t) : NONE;
        case "generic_type" -> t = tree.field(t, "type");
        default -> t = NONE;
      }
    }
    return null;
  }

  /** Bean-style: {@code MaxTokens} → {@code maxTokens}; a leading acronym ({@code APIKey}) stays as is. */
  private static String decapitalize(String name) {
    if (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0))) return name;
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** A literal_element's expression. */
  private int unwrap(int n) {
    return n != NONE && tree.type(n).equals("literal_element") && tree.namedChildCount(n) == 1 ? tree.firstNamedChild(n) : n;
  }

  private String value(int v) {
    if (v == NONE) return "";
    return switch (tree.type(v)) {
      case "interpreted_string_literal", "raw_string_literal" -> string(v);
      case "int_literal", "float_literal", "true", "false", "nil" -> tree.text(v);
      case "unary_expression" -> {
        int operand = tree.field(v, "operand");
        yield operand != NONE && (tree.type(operand).equals("int_literal") || tree.type(operand).equals("float_literal"))
            ? tree.text(v).replaceAll("\\s+", "") : "";
      }
      default -> "";
    };
  }

  /** The content of an interpreted (escapes decoded) or raw string literal. */
  private String string(int s) {
    StringBuilder b = new StringBuilder();
    for (int c = tree.firstNamedChild(s); c != NONE; c = tree.nextNamedSibling(c)) {
      switch (tree.type(c)) {
        case "interpreted_string_literal_content", "raw_string_literal_content" -> b.append(tree.text(c));
        case "escape_sequence" -> b.append(switch (tree.text(c)) {
          case "\\n" -> "\n";
          case "\\t" -> "\t";
          case "\\\"" -> "\"";
          case "\\\\" -> "\\";
          default -> tree.text(c);
        });
        default -> { }
      }
    }
    return b.toString();
  }
}
