package dev.wraith.code.kotlin;

import dev.wraith.code.FactExtractor;
import dev.wraith.code.SourceFacts;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.java.JavaNames;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Extracts {@link SourceFacts} from one Kotlin syntax tree, naming calls as the Java extractor does so that the
 * catalogue's Maven symbols apply unchanged:
 *
 * <ul>
 *   <li>{@code X(a, b)} where X is an imported class or function ({@code OpenAI(token = k)},
 *       {@code simpleOpenAIExecutor(key)}, {@code AIAgent(..) { .. }}) → {@code FQN(X)} with args {@code #0},
 *       {@code #1} and named arguments by name; a chain on it adds one keyword per chained method, valued with
 *       that method's first argument;
 *   <li>{@code X.m(a)} (companion or static) and a chain on it, {@code X.builder().modelName("gpt-4o").build()},
 *       → one call {@code FQN(X).m} whose args are {@code m}'s plus one keyword per chained method;
 *   <li>{@code v.m(a)} where {@code v} is bound to an instance → {@code FQN(C)().m}, link by link;
 *   <li>{@code v.f(a)} where {@code f} is an explicitly imported extension function → {@code FQN(f)};
 *   <li>annotations ({@code @Tool}, {@code @LLMDescription(..)}) and supertypes ({@code : ToolSet}) are calls.
 * </ul>
 *
 * <p>Bindings: {@code val}/{@code var} properties and locals, class and function parameters (declared types).
 * String literals up to their first template hole are literals; comments and KDoc never are.
 */
final class KotlinExtractor extends FactExtractor {
  private final JavaNames names;
  private final KotlinScope scope;
  private final KotlinLiterals literals;
  private final Set<Integer> consumed = new HashSet<>();

  /** @param owned whether a package or type name belongs to a catalogue signature (for wildcard imports) */
  KotlinExtractor(SyntaxTree tree, Predicate<String> owned) {
    super(tree);
    this.names = new JavaNames(owned);
    this.scope = new KotlinScope(tree, names);
    this.literals = new KotlinLiterals(tree);
  }

  @Override
  protected boolean visit(int n) {
    switch (tree.type(n)) {
      case "import_header" -> {
        importHeader(n);
        return false;
      }
      case "package_header", "line_comment", "multiline_comment", "comment" -> {
        return false;
      }
      case "string_literal", "multiline_string_literal" -> {
        addLiteral(literals.string(n), n);
        return true; // template holes hold code
      }
      case "call_expression" -> call(n);
      case "annotation" -> annotation(n);
      case "delegation_specifier" -> {
        String type = scope.typeName(tree.firstNamedChild(n));
        if (type != null) addCall(type, n, Map.of());
      }
      case "property_declaration" -> property(n);
      case "class_parameter", "parameter" -> {
        int name = tree.firstNamedChild(n, "simple_identifier");
        int type = declaredType(n);
        if (type != NONE) scope.bind(name, NONE, type);
      }
      default -> { }
    }
    return true;
  }

  private void importHeader(int n) {
    int id = tree.firstNamedChild(n, "identifier");
    if (id == NONE) return;
    String path = tree.text(id).replaceAll("\\s+", "").replace("`", "");
    addImport(path, id);
    int alias = tree.firstNamedChild(n, "import_alias");
    if (tree.firstNamedChild(n, "wildcard_import") != NONE) names.importOnDemand(path);
    else if (alias != NONE && tree.firstNamedChild(alias, "type_identifier") != NONE) {
      names.importAlias(tree.text(tree.firstNamedChild(alias, "type_identifier")), path);
    }
    else names.importType(path);
  }

  private void call(int n) {
    if (consumed.contains(n)) return;
    List<KotlinScope.Link> links = scope.chain(n);
    if (links.isEmpty()) return;
    for (KotlinScope.Link l : links) consumed.add(l.call());
    KotlinScope.Link root = links.get(links.size() - 1);
    if (root.receiver() == NONE) {
      String fqn = names.type(root.name());
      if (fqn == null) return;
      Map<String, String> args = literals.arguments(root.arguments());
      chainArguments(links, links.size() - 1, args);
      addCall(fqn, n, args);
      return;
    }
    String instance = scope.instance(root.receiver(), 0);
    if (instance != null) {
      String name = instance;
      for (int i = links.size() - 1; i >= 0; i--) {
        KotlinScope.Link link = links.get(i);
        String extension = extension(link.name());
        addCall(extension != null ? extension : name + "." + link.name(), link.call(), literals.arguments(link.arguments()));
        name = name + "." + link.name() + "()";
      }
      return;
    }
    String type = scope.typeOf(root.receiver());
    if (type == null) {
      for (KotlinScope.Link link : links) {
        String extension = extension(link.name());
        if (extension != null) addCall(extension, link.call(), literals.arguments(link.arguments()));
      }
      return;
    }
    Map<String, String> args = literals.arguments(root.arguments());
    chainArguments(links, links.size() - 1, args);
    addCall(type + "." + root.name(), n, args);
  }

  /** An explicitly imported function called as a member ({@code model.chatAsync(..)}): its FQN, or null. */
  private String extension(String method) {
    if (method.isEmpty() || !Character.isLowerCase(method.charAt(0))) return null;
    return names.type(method);
  }

  /** Adds links[0..end) (outermost first) as keyword args, innermost first; the first occurrence wins. */
  private void chainArguments(List<KotlinScope.Link> links, int end, Map<String, String> args) {
    for (int i = end - 1; i >= 0; i--) {
      KotlinScope.Link link = links.get(i);
      Map<String, String> a = literals.arguments(link.arguments());
      args.putIfAbsent(link.name(), a.isEmpty() ? "" : a.values().iterator().next());
    }
  }

  private void annotation(int n) {
    int target = NONE;
    for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) {
      if (tree.type(c).equals("user_type") || tree.type(c).equals("constructor_invocation")) target = c;
    }
    String type = scope.typeName(target);
    if (type == null) return;
    Map<String, String> args = tree.type(target).equals("constructor_invocation")
        ? literals.arguments(tree.firstNamedChild(target, "value_arguments")) : new LinkedHashMap<>();
    addCall(type, n, args);
  }

  private void property(int n) {
    int declaration = tree.firstNamedChild(n, "variable_declaration");
    if (declaration == NONE) return;
    int value = NONE;
    boolean afterEquals = false;
    for (int c = tree.firstChild(n); c != NONE; c = tree.nextSibling(c)) {
      if (tree.type(c).equals("=")) afterEquals = true;
      else if (afterEquals && tree.isNamed(c)) {
        value = c;
        break;
      }
    }
    scope.bind(tree.firstNamedChild(declaration, "simple_identifier"), value, declaredType(declaration));
  }

  private int declaredType(int n) {
    int t = tree.firstNamedChild(n, "user_type");
    return t != NONE ? t : tree.firstNamedChild(n, "nullable_type");
  }

}
