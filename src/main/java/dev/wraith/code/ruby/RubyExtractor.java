package dev.wraith.code.ruby;

import dev.wraith.code.FactExtractor;
import dev.wraith.code.SourceFacts;
import dev.wraith.code.Escapes;
import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Extracts {@link SourceFacts} from one Ruby syntax tree. Constant paths are written with dots
 * ({@code Langchain::LLM::OpenAI} → {@code Langchain.LLM.OpenAI}); resolved call names:
 *
 * <ul>
 *   <li>{@code C.new(a, k: v)} → {@code C}, with args {@code #0} and keyword args by name; the pairs of a hash
 *       argument count as keyword args too ({@code chat(parameters: { model: "gpt-4o" })} gives {@code model});
 *   <li>{@code C.m(..)} → {@code C.m}; a call on a value that resolves (a bound variable, {@code C.new(..)},
 *       another resolved call) → the value's call-name form plus the method, {@code OpenAI.Client().chat}; every
 *       link of a chain is a call of its own;
 *   <li>{@code class X < C}, {@code include C}, {@code extend C} → {@code C};
 *   <li>{@code require "x"} is an import of {@code x}.
 * </ul>
 *
 * <p>Bindings (locals, {@code @ivars}, {@code @@cvars}, constants; one flat scope in document order): a name
 * holds its value's call-name form ({@code C()} for {@code C.new}, {@code C.m()} for other calls). String literals
 * and heredocs count up to their first {@code #{..}} hole; comments never do.
 */
final class RubyExtractor extends FactExtractor {
  static final int MAX_DEPTH = 64;
  private static final Set<String> MIXINS = Set.of("include", "extend", "prepend");
  private static final Set<String> REQUIRES = Set.of("require", "require_relative", "load");

  private final Map<String, String> bindings = new HashMap<>();
  private final Map<Integer, String> resolved = new HashMap<>();

  RubyExtractor(SyntaxTree tree) {
    super(tree);
  }

  @Override
  protected boolean visit(int n) {
    switch (tree.type(n)) {
      case "comment" -> {
        return false;
      }
      case "string", "heredoc_body" -> {
        addLiteral(string(n), n);
      }
      case "call" -> callName(n, 0);
      case "superclass" -> {
        String c = constant(tree.firstNamedChild(n));
        if (c != null) addCall(c, n, Map.of());
      }
      case "assignment", "operator_assignment" -> assignment(n);
      default -> { }
    }
    return true;
  }

  /** The resolved name of a call, memoised per node, reported when first resolved; null when it does not resolve. */
  private String callName(int n, int depth) {
    if (depth > MAX_DEPTH) return null;
    if (resolved.containsKey(n)) return resolved.get(n);
    resolved.put(n, null);
    int receiver = tree.field(n, "receiver");
    int m = tree.field(n, "method");
    String method = m == NONE ? "" : tree.text(m);
    int arguments = tree.field(n, "arguments");
    String name = null;
    if (receiver == NONE) {
      if (REQUIRES.contains(method)) require(arguments);
      else if (MIXINS.contains(method) && arguments != NONE) {
        for (int a = tree.firstNamedChild(arguments); a != NONE; a = tree.nextNamedSibling(a)) {
          String c = constant(a);
          if (c != null) addCall(c, a, Map.of());
        }
      }
      return null;
    }
    String c = constant(receiver);
    if (c != null) name = method.equals("new") ? c : c + "." + method;
    else {
      String v = value(receiver, depth + 1);
      if (v != null && !method.isEmpty()) name = v + "." + method;
    }
    resolved.put(n, name);
    if (name != null) addCall(name, n, arguments(arguments));
    return name;
  }

  /** The call-name form of the value an expression evaluates to, or null. */
  private String value(int e, int depth) {
    if (e == NONE || depth > MAX_DEPTH) return null;
    return switch (tree.type(e)) {
      case "identifier", "instance_variable", "class_variable", "global_variable" -> bindings.get(tree.text(e));
      case "constant" -> bindings.get(tree.text(e));
      case "call" -> {
        String name = callName(e, depth + 1);
        yield name == null ? null : name + "()";
      }
      case "parenthesized_statements" -> tree.namedChildCount(e) == 1 ? value(tree.firstNamedChild(e), depth + 1) : null;
      default -> null;
    };
  }

  private void assignment(int n) {
    int left = tree.field(n, "left");
    if (left == NONE) return;
    String t = tree.type(left);
    if (!t.equals("identifier") && !t.equals("instance_variable") && !t.equals("class_variable") && !t.equals("constant")
        && !t.equals("global_variable")) {
      return;
    }
    String v = value(tree.field(n, "right"), 0);
    if (v != null) bindings.put(tree.text(left), v);
    else bindings.remove(tree.text(left));
  }

  private void require(int arguments) {
    int a = arguments == NONE ? NONE : tree.firstNamedChild(arguments);
    if (a == NONE || !tree.type(a).equals("string")) return;
    String path = string(a);
    if (!path.isEmpty() && !path.startsWith(".")) addImport(path, a);
  }

  /** A constant path written with dots ({@code A::B::C} → A.B.C, {@code ::A} → A), or null for anything else. */
  private String constant(int e) {
    if (e == NONE) return null;
    return switch (tree.type(e)) {
      case "constant" -> bindings.containsKey(tree.text(e)) ? null : tree.text(e);
      case "scope_resolution" -> {
        if (tree.endByte(e) - tree.startByte(e) > 512) yield null;
        int scope = tree.field(e, "scope");
        int name = tree.field(e, "name");
        if (name == NONE || !tree.type(name).equals("constant")) yield null;
        if (scope == NONE) yield tree.text(name);
        String outer = constant(scope);
        yield outer == null ? null : outer + "." + tree.text(name);
      }
      default -> null;
    };
  }

  /** Keyword args by name (hash pairs one level down too), the others as #0, #1, ... */
  private Map<String, String> arguments(int list) {
    Map<String, String> out = new LinkedHashMap<>();
    if (list == NONE) return out;
    int pos = 0;
    for (int a = tree.firstNamedChild(list); a != NONE; a = tree.nextNamedSibling(a)) {
      switch (tree.type(a)) {
        case "pair" -> pair(a, out, true);
        case "hash" -> {
          for (int p = tree.firstNamedChild(a); p != NONE; p = tree.nextNamedSibling(p)) if (tree.type(p).equals("pair")) pair(p, out, false);
        }
        case "comment", "block_argument", "splat_argument", "hash_splat_argument" -> { }
        default -> out.put("#" + pos++, literal(a));
      }
    }
    return out;
  }

  private void pair(int p, Map<String, String> out, boolean nested) {
    int key = tree.field(p, "key");
    int value = tree.field(p, "value");
    if (key == NONE) return;
    String k = switch (tree.type(key)) {
      case "hash_key_symbol", "identifier", "constant" -> tree.text(key);
      case "simple_symbol" -> tree.text(key).substring(1);
      case "string" -> string(key);
      default -> "";
    };
    if (k.isEmpty()) return;
    out.putIfAbsent(k, literal(value));
    if (nested && value != NONE && tree.type(value).equals("hash")) {
      for (int c = tree.firstNamedChild(value); c != NONE; c = tree.nextNamedSibling(c)) if (tree.type(c).equals("pair")) pair(c, out, false);
    }
  }

  /** A literal argument's value: string content, number, true/false/nil, symbol name; "" for anything else. */
  private String literal(int v) {
    if (v == NONE) return "";
    return switch (tree.type(v)) {
      case "string" -> tree.firstNamedChild(v, "interpolation") != NONE ? "" : string(v);
      case "integer", "float" -> tree.text(v).replace("_", "");
      case "true", "false", "nil" -> tree.text(v);
      case "simple_symbol" -> tree.text(v).substring(1);
      default -> "";
    };
  }

  /** The text of a string or heredoc body up to its first interpolation, escapes decoded. */
  private String string(int s) {
    StringBuilder b = new StringBuilder();
    for (int c = tree.firstNamedChild(s); c != NONE; c = tree.nextNamedSibling(c)) {
      switch (tree.type(c)) {
        case "string_content" -> b.append(tree.text(c));
        case "escape_sequence" -> b.append(Escapes.COMMON.decode(tree.text(c)));
        case "interpolation" -> {
          return tree.type(s).equals("heredoc_body") ? b.toString().strip() : b.toString();
        }
        default -> { }
      }
    }
    return tree.type(s).equals("heredoc_body") ? b.toString().strip() : b.toString();
  }

}
