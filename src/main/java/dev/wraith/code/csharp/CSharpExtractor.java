package dev.wraith.code.csharp;

import dev.wraith.code.FactExtractor;
import dev.wraith.code.SourceFacts;
import dev.wraith.code.Bindings;
import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Extracts {@link SourceFacts} from one C# syntax tree. Resolved call names (types through {@link CSharpNames}):
 *
 * <ul>
 *   <li>{@code new T(a, b) { P = v }} and target-typed {@code T x = new(a) {..}} → {@code Namespace.T} with args
 *       {@code #0}, {@code #1}, named arguments by name and initializer properties lower-camel-cased
 *       ({@code ModelId} → {@code modelId});
 *   <li>{@code T.M(a)} (static, also {@code T.M<X>(a)}, and {@code M(a)} through {@code using static}) →
 *       {@code Namespace.T.M};
 *   <li>a call on a value that resolves (a bound variable, a constructor, another resolved call) → the value's
 *       call-name form plus the method: {@code new OpenAIClient(k).GetChatClient("gpt-4o")} gives
 *       {@code OpenAI.OpenAIClient().GetChatClient}; every link of a chain is a call of its own;
 *   <li>a method that is a catalogue symbol as an extension method of an owned using namespace is that
 *       extension, {@code Namespace.Method}, whatever its receiver: {@code services.AddOpenAIChatCompletion(..)}
 *       → {@code Microsoft.SemanticKernel.AddOpenAIChatCompletion}, and {@code UseFunctionInvocation()} on an
 *       OpenAI chat client → {@code Microsoft.Extensions.AI.UseFunctionInvocation} (extension methods come into
 *       scope by namespace; the call site never names their static class);
 *   <li>attributes {@code [KernelFunction("x")]} → {@code Namespace.KernelFunction} (an {@code Attribute} suffix
 *       dropped), and the types of a base list ({@code class C : IChatClient}) are calls too.
 * </ul>
 *
 * <p>Bindings (locals, fields, properties, parameters, primary-constructor parameters, {@code this.f = ..}; one
 * flat scope in document order): a variable holds its initialiser's call-name form, else its declared type's
 * ({@code Namespace.T()}). String literals of every form are literals; comments and XML docs never are.
 */
final class CSharpExtractor extends FactExtractor {
  static final int MAX_DEPTH = 64;
  /** Node types a type declaration can sit in: the declaration pre-pass descends through these only. */
  private static final Set<String> DECLARATION_SCOPES = Set.of("compilation_unit", "namespace_declaration",
      "file_scoped_namespace_declaration", "declaration_list", "class_declaration", "struct_declaration",
      "record_declaration", "interface_declaration");

  private static final Set<String> TYPE_DECLARATIONS = Set.of("class_declaration", "struct_declaration",
      "record_declaration", "interface_declaration", "enum_declaration", "delegate_declaration");

  private final CSharpNames names;
  private final CSharpValues values;
  private final Bindings bindings = new Bindings();
  private final Map<Integer, String> resolved = new HashMap<>();

  private CSharpExtractor(SyntaxTree tree, CSharpSymbols symbols) {
    super(tree);
    this.names = new CSharpNames(symbols);
    this.values = new CSharpValues(tree);
  }

  static SourceFacts extract(SyntaxTree tree, CSharpSymbols symbols) {
    CSharpExtractor x = new CSharpExtractor(tree, symbols);
    tree.walk(x::declaration);
    return x.facts();
  }

  /** Pre-pass: the names of the types this file declares. */
  private boolean declaration(int n) {
    String type = tree.type(n);
    if (TYPE_DECLARATIONS.contains(type)) {
      int name = tree.field(n, "name");
      if (name != NONE) names.declare(tree.text(name));
    }
    return DECLARATION_SCOPES.contains(type);
  }

  @Override
  protected boolean visit(int n) {
    String type = tree.type(n);
    switch (type) {
      case "using_directive" -> {
        using(n);
        return false;
      }
      case "comment", "preproc_region", "preproc_endregion", "preproc_pragma", "preproc_nullable" -> {
        return false;
      }
      case "string_literal", "verbatim_string_literal", "raw_string_literal", "interpolated_string_expression" -> {
        addLiteral(values.string(n), n);
        return type.equals("interpolated_string_expression"); // holes hold code
      }
      case "invocation_expression" -> callName(n, 0);
      case "object_creation_expression" -> creation(n, typeOf(tree.field(n, "type")));
      case "implicit_object_creation_expression" -> creation(n, targetType(n));
      case "attribute" -> attribute(n);
      case "base_list" -> baseList(n);
      case "variable_declaration" -> variables(n);
      case "parameter" -> bind(tree.field(n, "name"), NONE, tree.field(n, "type"));
      case "property_declaration" -> bind(tree.field(n, "name"), tree.field(n, "value"), tree.field(n, "type"));
      case "assignment_expression" -> assignment(n);
      default -> { }
    }
    return true;
  }

  private void using(int n) {
    boolean isStatic = false, alias = false;
    int first = NONE, last = NONE;
    for (int c = tree.firstChild(n); c != NONE; c = tree.nextSibling(c)) {
      String t = tree.type(c);
      if (t.equals("static")) isStatic = true;
      else if (t.equals("=")) alias = true;
      else if (tree.isNamed(c) && !t.equals("comment")) {
        if (first == NONE) first = c;
        last = c;
      }
    }
    if (last == NONE) return;
    String target = tree.text(last).replaceAll("\\s+", "");
    if (target.startsWith("global::")) target = target.substring("global::".length());
    addImport(target, last);
    names.using(target, alias && first != last ? tree.text(first) : null, isStatic);
  }

  /**
   * The resolved name of an invocation, memoised per node so a statement's binding and its calls agree and a
   * chain is walked once; null when it does not resolve. The call is reported when it is first resolved, so the
   * links of a chain come innermost first: of two equal findings on one line the first link's (which names the
   * model, {@code GetChatClient("gpt-4o")}) is kept, not a later {@code .Build()}'s.
   */
  private String callName(int n, int depth) {
    if (depth > MAX_DEPTH) return null;
    if (resolved.containsKey(n)) return resolved.get(n);
    String name = null;
    int fn = tree.field(n, "function");
    switch (fn == NONE ? "" : tree.type(fn)) {
      case "member_access_expression" -> name = member(tree.field(fn, "expression"), simpleName(tree.field(fn, "name")), depth);
      case "conditional_access_expression" -> {
        int binding = tree.lastNamedChild(fn);
        if (binding != NONE && tree.type(binding).equals("member_binding_expression")) {
          name = member(tree.field(fn, "condition"), simpleName(tree.field(binding, "name")), depth);
        }
      }
      case "identifier", "generic_name" -> name = names.staticMethod(simpleName(fn));
      default -> { }
    }
    resolved.put(n, name);
    if (name != null) addCall(name, n, values.arguments(tree.field(n, "arguments"), CSharpValues.newArgs()));
    return name;
  }

  /** {@code receiver.method}: on a value, on a type (static), else as an extension method; or null. */
  private String member(int receiver, String method, int depth) {
    if (method.isEmpty()) return null;
    if (receiver == NONE || tree.type(receiver).equals("this")) return null;
    String v = value(receiver, depth + 1);
    String written = v == null ? writtenType(receiver) : null;
    if (written != null && !bindings.contains(written)) {
      String type = names.type(written, "." + method);
      if (type != null) return type + "." + method;
      if (Character.isUpperCase(written.charAt(0)) && written.indexOf('.') < 0) return null; // a static call on another type
    }
    String extension = names.extension(method);
    if (extension != null) return extension; // e.g. UseFunctionInvocation on an OpenAI chat client
    return v == null ? null : v + "." + method;
  }

  /** The call-name form of the instance an expression evaluates to, or null. */
  private String value(int e, int depth) {
    if (e == NONE || depth > MAX_DEPTH) return null;
    return switch (tree.type(e)) {
      case "identifier" -> bindings.get(tree.text(e));
      case "member_access_expression" -> {
        int recv = tree.field(e, "expression");
        String field = simpleName(tree.field(e, "name"));
        if (recv == NONE || tree.type(recv).equals("this")) yield bindings.get(field);
        String base = value(recv, depth + 1);
        yield base == null ? null : base + "." + field;
      }
      case "invocation_expression" -> {
        String name = callName(e, depth + 1);
        yield name == null ? null : name + "()";
      }
      case "object_creation_expression" -> {
        String t = typeOf(tree.field(e, "type"));
        yield t == null ? null : t + "()";
      }
      case "implicit_object_creation_expression" -> {
        String t = targetType(e);
        yield t == null ? null : t + "()";
      }
      case "cast_expression" -> value(tree.field(e, "value"), depth + 1);
      case "as_expression" -> value(tree.field(e, "left"), depth + 1);
      case "await_expression", "parenthesized_expression", "postfix_unary_expression", "checked_expression" ->
          value(tree.firstNamedChild(e), depth + 1);
      default -> null;
    };
  }

  private void creation(int n, String type) {
    if (type == null) return;
    Map<String, String> args = values.arguments(tree.field(n, "arguments"), CSharpValues.newArgs());
    for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) {
      if (tree.type(c).equals("argument_list") && tree.field(n, "arguments") == NONE) values.arguments(c, args);
      if (tree.type(c).equals("initializer_expression")) values.initializer(c, args);
    }
    addCall(type, n, args);
  }

  /** The declared type a target-typed {@code new(..)} builds: that of the variable it initialises. */
  private String targetType(int n) {
    int declarator = tree.parent(n);
    if (declarator != NONE && tree.type(declarator).equals("equals_value_clause")) declarator = tree.parent(declarator);
    if (declarator == NONE || !tree.type(declarator).equals("variable_declarator")) return null;
    int declaration = tree.parent(declarator);
    return declaration == NONE ? null : typeOf(tree.field(declaration, "type"));
  }

  private void attribute(int n) {
    String written = writtenType(tree.field(n, "name"));
    if (written == null) return;
    if (written.endsWith("Attribute") && written.length() > "Attribute".length()) {
      written = written.substring(0, written.length() - "Attribute".length());
    }
    String type = names.type(written, "");
    if (type == null) return;
    Map<String, String> args = CSharpValues.newArgs();
    for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) {
      if (tree.type(c).equals("attribute_argument_list")) values.arguments(c, args);
    }
    addCall(type, n, args);
  }

  private void baseList(int n) {
    for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) {
      int t = tree.type(c).equals("primary_constructor_base_type") ? tree.field(c, "type") : c;
      String type = typeOf(t);
      if (type != null) addCall(type, c, Map.of());
    }
  }

  private void variables(int n) {
    int type = tree.field(n, "type");
    for (int d = tree.firstNamedChild(n); d != NONE; d = tree.nextNamedSibling(d)) {
      if (!tree.type(d).equals("variable_declarator")) continue;
      int name = tree.field(d, "name");
      int init = NONE;
      for (int c = tree.firstNamedChild(d); c != NONE; c = tree.nextNamedSibling(c)) {
        if (c != name) init = tree.type(c).equals("equals_value_clause") ? tree.firstNamedChild(c) : c;
      }
      bind(name, init, type);
    }
  }

  private void assignment(int n) {
    if (tree.type(tree.parent(n)).equals("initializer_expression")) return; // a property of the new object
    int left = tree.field(n, "left");
    if (left != NONE && tree.type(left).equals("member_access_expression")) {
      int recv = tree.field(left, "expression");
      left = recv == NONE || tree.type(recv).equals("this") ? tree.field(left, "name") : NONE;
    }
    if (left != NONE && tree.type(left).equals("identifier")) bind(left, tree.field(n, "right"), NONE);
  }

  /** Binds a name to its value's call-name form, else to its declared type's, else unbinds it. */
  private void bind(int name, int value, int declaredType) {
    if (name == NONE) return;
    bindings.bind(tree.text(name), value == NONE ? null : value(value, 0),
        () -> declaredType == NONE ? null : typeOf(declaredType));
  }

  /** The full name of a type node ({@code T}, {@code N.T}, {@code T<X>}, {@code T?}), or null. */
  private String typeOf(int t) {
    if (t == NONE) return null;
    if (tree.type(t).equals("nullable_type")) return typeOf(tree.firstNamedChild(t));
    String written = writtenType(t);
    return written == null ? null : names.type(written, "");
  }

  /** A type name as written ({@code Kernel}, {@code SK.Kernel}, {@code global::OpenAI.OpenAIClient}), or null. */
  private String writtenType(int t) {
    if (t == NONE) return null;
    switch (tree.type(t)) {
      case "identifier" -> {
        return tree.text(t);
      }
      case "generic_name" -> {
        return simpleName(t);
      }
      case "qualified_name", "alias_qualified_name", "member_access_expression" -> {
        if (tree.endByte(t) - tree.startByte(t) > 512) return null;
        String s = tree.text(t).replaceAll("\\s+", "").replaceAll("<.*$", "");
        return s.matches("(global::)?[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*") ? s : null;
      }
      default -> {
        return null;
      }
    }
  }

  /** The identifier of a simple or generic name ({@code AddFromType<T>} → AddFromType). */
  private String simpleName(int n) {
    if (n == NONE) return "";
    if (tree.type(n).equals("generic_name")) {
      int id = tree.firstNamedChild(n);
      return id == NONE ? "" : tree.text(id);
    }
    return tree.type(n).equals("identifier") ? tree.text(n) : "";
  }

}
