package dev.wraith.code.javascript;

import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The names in scope while one file is walked in document order (local name or member target such as
 * {@code this.client} to qualified name) and the resolution of expressions through them. A name is
 * {@code module} for default and namespace imports, {@code module.Name} for named ones, and gains
 * {@code ()} for each call or {@code new} on the way: {@code const c = new OpenAI(); c.chat.completions.create}
 * is {@code openai().chat.completions.create}. One file-wide scope: shadowing in inner functions is not seen.
 */
final class NameResolver {
  /** Longest resolved name; longer ones (hostile chains) do not resolve. */
  private static final int MAX_NAME = 512;
  /** Whole-expression binding keys ({@code this.client}) are short; longer texts are not looked up. */
  private static final int MAX_KEY_BYTES = 256;
  /** npm's limit on a package name; longer specifiers are not packages. */
  private static final int MAX_SPECIFIER = 214;
  private static final Set<String> INTEROP =
      Set.of("__importDefault", "__importStar", "_interopRequireDefault", "_interopRequireWildcard", "__toESM");

  private final SyntaxTree tree;
  private final ScriptText text;
  private final Map<String, String> bindings = new HashMap<>();
  /** Resolved names by node, "" for unresolvable; valid only while {@link #bindings} is unchanged. */
  private final Map<Integer, String> memo = new HashMap<>();

  NameResolver(SyntaxTree tree, ScriptText text) {
    this.tree = tree;
    this.text = text;
  }

  /** Binds or (value null) unbinds a name; any change invalidates the memoised resolutions. */
  void bind(String key, String value) {
    String old = value == null ? bindings.remove(key) : bindings.put(key, value);
    if (!Objects.equals(old, value)) memo.clear();
  }

  /** The binding key for an identifier or member target, or null when it is too long to be one. */
  String key(int n) {
    if (tree.endByte(n) - tree.startByte(n) > MAX_KEY_BYTES) return null;
    if (tree.type(n).equals("identifier")) return tree.text(n);
    return tree.text(n).replaceAll("\\s+|!|\\?(?=\\.)", "");
  }

  /**
   * The qualified name an expression stands for, or null when its root is not an import. Iterative: walks
   * the member/call chain from the outside in, then builds names from the root out, memoising every node on
   * the way so a chain of n calls costs O(n) over the whole walk, not O(n²). Names longer than
   * {@link #MAX_NAME} do not resolve (no catalogue symbol is that long; it bounds memory on hostile chains).
   */
  String resolve(int e) {
    List<Integer> nodes = new ArrayList<>();
    List<String> suffixes = new ArrayList<>();
    String root = null;
    int n = e;
    while (n != NONE) {
      String known = memo.get(n);
      if (known != null) {
        root = known.isEmpty() ? null : known;
        break;
      }
      Step step = step(n);
      if (step.root() != null || step.next() == NONE) {
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
      memo.put(nodes.get(i), name == null ? "" : name);
    }
    return nodes.isEmpty() ? root : name;
  }

  /** One step of {@link #resolve}: either a root (a bound name) or a suffix and the inner expression (or NONE) to go on with. */
  private record Step(String root, String suffix, int next) {}

  private Step step(int n) {
    switch (tree.type(n)) {
      case "identifier" -> {
        return new Step(bindings.get(tree.text(n)), "", NONE);
      }
      case "member_expression" -> {
        String k = key(n);
        String whole = k == null ? null : bindings.get(k);
        if (whole != null) return new Step(whole, "", NONE);
        int prop = tree.field(n, "property");
        if (prop == NONE) return new Step(null, "", NONE);
        String p = tree.text(prop);
        return new Step(null, p.equals("default") ? "" : "." + p, tree.field(n, "object"));
      }
      case "call_expression" -> {
        String module = moduleOf(n);
        if (module != null) return new Step(module, "", NONE);
        int wrapped = interopArgument(n);
        return wrapped != NONE ? new Step(null, "", wrapped) : new Step(null, "()", tree.field(n, "function"));
      }
      case "new_expression" -> {
        return new Step(null, "()", tree.field(n, "constructor"));
      }
      case "await_expression", "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression",
          "type_assertion" -> {
        return new Step(null, "", text.firstExpression(n));
      }
      case "sequence_expression" -> {
        // tsc's CommonJS output calls named imports as (0, ai_1.generateText)(...): the value is the last operand
        int last = tree.namedChildCount(n) - 1;
        return new Step(null, "", last < 0 ? NONE : tree.namedChild(n, last));
      }
      default -> {
        return new Step(null, "", NONE);
      }
    }
  }

  /**
   * The module argument of a compiler interop helper ({@code __importDefault(require("m"))} from tsc,
   * {@code _interopRequireDefault(...)} from Babel), which returns the module or wraps it for {@code .default};
   * null for any other call.
   */
  private int interopArgument(int call) {
    int fn = tree.field(call, "function");
    if (fn == NONE || !tree.type(fn).equals("identifier") || !INTEROP.contains(tree.text(fn))) return NONE;
    int args = tree.field(call, "arguments");
    return args == NONE || tree.namedChildCount(args) != 1 ? NONE : tree.firstNamedChild(args);
  }

  /**
   * The package a {@code require("m")} or {@code import("m")} call loads, or null when the node is no such
   * call or names a relative path. {@code require} is taken to be the loader even when rebound (ESM code
   * builds its own with {@code createRequire}).
   */
  String moduleOf(int n) {
    if (n == NONE || !tree.type(n).equals("call_expression")) return null;
    int fn = tree.field(n, "function");
    if (fn == NONE) return null;
    boolean loader = tree.type(fn).equals("import")
        || (tree.type(fn).equals("identifier") && tree.text(fn).equals("require"));
    if (!loader) return null;
    int args = tree.field(n, "arguments");
    if (args == NONE || tree.namedChildCount(args) == 0) return null;
    return specifier(text.unwrap(tree.firstNamedChild(args)));
  }

  /** A package specifier from a string node, or null for relative and absolute paths (the project's own code). */
  String specifier(int source) {
    if (source == NONE || !text.isPlainString(source)) return null;
    String s = text.stringValue(source).trim();
    if (s.isEmpty() || s.startsWith(".") || s.startsWith("/") || s.length() > MAX_SPECIFIER) return null;
    return s;
  }
}
