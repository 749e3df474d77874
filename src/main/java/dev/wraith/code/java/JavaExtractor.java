package dev.wraith.code.java;

import dev.wraith.code.FactExtractor;
import dev.wraith.code.SourceFacts;
import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Extracts {@link SourceFacts} from one Java syntax tree. Resolved call names:
 *
 * <ul>
 *   <li>{@code new X(a, b)} → {@code FQN(X)} with args {@code #0}, {@code #1};
 *   <li>{@code X.m(a)} (static call, also through {@code import static}) → {@code FQN(X).m};
 *   <li>a chain on a static call or constructor, {@code X.builder().apiKey(k).modelName("gpt-4o").build()},
 *       → one call {@code FQN(X).builder} whose args are the root call's positional arguments plus one
 *       keyword per chained method, valued with that method's first argument ({@code modelName} → "gpt-4o");
 *   <li>{@code v.m(a)} where {@code v} is bound to an instance → {@code FQN(C)().m}, and a chain of instance
 *       calls is reported link by link ({@code FQN(C)().chat().completions().create}).
 * </ul>
 *
 * <p>Bindings (locals, fields, {@code this.f}, parameters; one flat scope in document order): a variable
 * initialised by {@code new C(..)} or by a static call or chain rooted at class {@code C} is an instance of
 * {@code FQN(C)}, so {@code var m = OpenAiChatModel.builder()...build(); m.chat(q)} gives
 * {@code dev.langchain4j.model.openai.OpenAiChatModel().chat}; otherwise its declared type, when that
 * resolves, is used ({@code ChatClient client;} → {@code ...ChatClient().prompt}). Annotations and the
 * types in {@code extends}/{@code implements} are calls too. String literals (text blocks with incidental
 * indentation removed) are literals; comments and Javadoc never are.
 */
final class JavaExtractor extends FactExtractor {

  private final JavaNames names;
  private final JavaLiterals literals;
  private final JavaScope scope;
  /** Nodes already reported as part of a chain. */
  private final Set<Integer> consumed = new HashSet<>();

  /** @param owned whether a package or type name belongs to a catalogue signature (for wildcard imports) */
  JavaExtractor(SyntaxTree tree, Predicate<String> owned) {
    super(tree);
    this.names = new JavaNames(owned);
    this.literals = new JavaLiterals(tree);
    this.scope = new JavaScope(tree, names);
  }

  @Override
  protected boolean visit(int n) {
    switch (tree.type(n)) {
      case "import_declaration" -> {
        importDeclaration(n);
        return false;
      }
      case "package_declaration", "line_comment", "block_comment" -> {
        return false;
      }
      case "string_literal" -> {
        addLiteral(literals.string(n), n);
        return false;
      }
      case "method_invocation" -> invocation(n);
      case "object_creation_expression" -> creation(n);
      case "marker_annotation", "annotation" -> annotation(n);
      case "superclass", "super_interfaces", "extends_interfaces" -> supertypes(n);
      case "local_variable_declaration", "field_declaration" -> declaration(n);
      case "formal_parameter" -> scope.bind(tree.field(n, "name"), NONE, tree.field(n, "type"));
      case "assignment_expression" -> assignment(n);
      default -> { }
    }
    return true;
  }

  private void importDeclaration(int n) {
    boolean isStatic = false, wildcard = false;
    int name = NONE;
    for (int c = tree.firstChild(n); c != NONE; c = tree.nextSibling(c)) {
      switch (tree.type(c)) {
        case "static" -> isStatic = true;
        case "asterisk" -> wildcard = true;
        case "identifier", "scoped_identifier" -> name = c;
        default -> { }
      }
    }
    if (name == NONE) return;
    String path = tree.text(name).replaceAll("\\s+", "");
    addImport(path, name);
    if (wildcard) names.importOnDemand(path);
    else if (isStatic) names.importStatic(path);
    else names.importType(path);
  }

  private void invocation(int n) {
    if (consumed.contains(n)) return;
    List<Integer> links = scope.chain(n);
    for (int i = 1; i < links.size(); i++) consumed.add(links.get(i));
    int root = links.get(links.size() - 1);
    int obj = tree.field(root, "object");
    String method = tree.text(tree.field(root, "name"));
    if (obj != NONE && tree.type(obj).equals("object_creation_expression")) {
      String type = scope.typeName(tree.field(obj, "type"));
      if (type == null) return;
      consumed.add(obj);
      Map<String, String> args = arguments(tree.field(obj, "arguments"));
      chainArguments(links, links.size(), args);
      addCall(type, n, args);
      return;
    }
    String instance = obj == NONE ? null : scope.instance(obj, 0);
    if (instance != null) {
      String name = instance;
      // links beyond MAX_DEPTH are not reported: names would grow quadratically on hostile chains
      for (int i = links.size() - 1; i >= Math.max(0, links.size() - JavaScope.MAX_DEPTH); i--) {
        int link = links.get(i);
        name = name + "." + tree.text(tree.field(link, "name"));
        addCall(name, link, arguments(tree.field(link, "arguments")));
        name = name + "()";
      }
      return;
    }
    String type = obj == NONE ? names.staticMember(method) : scope.typeOf(obj);
    if (type == null) return;
    Map<String, String> args = arguments(tree.field(root, "arguments"));
    chainArguments(links, links.size() - 1, args);
    addCall(obj == NONE ? type : type + "." + method, n, args);
  }

  /** Adds links[0..end) (outermost first) as keyword args, innermost first; the first occurrence wins. */
  private void chainArguments(List<Integer> links, int end, Map<String, String> args) {
    for (int i = end - 1; i >= 0; i--) {
      int link = links.get(i);
      int a = tree.field(link, "arguments");
      String value = a == NONE || tree.namedChildCount(a) == 0 ? "" : literals.value(tree.firstNamedChild(a));
      args.putIfAbsent(tree.text(tree.field(link, "name")), value);
    }
  }

  private void creation(int n) {
    if (consumed.contains(n)) return;
    String type = scope.typeName(tree.field(n, "type"));
    if (type != null) addCall(type, n, arguments(tree.field(n, "arguments")));
  }

  private void annotation(int n) {
    int name = tree.field(n, "name");
    String type = name == NONE ? null : names.dotted(tree.text(name).replaceAll("\\s+", ""));
    if (type == null) return;
    Map<String, String> args = new LinkedHashMap<>();
    int list = tree.field(n, "arguments");
    int pos = 0;
    for (int a = tree.firstNamedChild(list); a != NONE; a = tree.nextNamedSibling(a)) {
      if (tree.type(a).equals("element_value_pair")) {
        args.put(tree.text(tree.field(a, "key")), literals.value(tree.field(a, "value")));
      } else if (!tree.type(a).endsWith("comment")) {
        args.put("#" + pos++, literals.value(a));
      }
    }
    addCall(type, n, args);
  }

  private void supertypes(int n) {
    for (int c = tree.firstNamedChild(n); c != NONE; c = tree.nextNamedSibling(c)) {
      if (tree.type(c).equals("type_list")) {
        for (int t = tree.firstNamedChild(c); t != NONE; t = tree.nextNamedSibling(t)) supertype(t);
      } else {
        supertype(c);
      }
    }
  }

  private void supertype(int t) {
    String type = scope.typeName(t);
    if (type != null) addCall(type, t, Map.of());
  }

  private void declaration(int n) {
    int type = tree.field(n, "type");
    for (int d = tree.firstNamedChild(n); d != NONE; d = tree.nextNamedSibling(d)) {
      if (tree.type(d).equals("variable_declarator")) scope.bind(tree.field(d, "name"), tree.field(d, "value"), type);
    }
  }

  private void assignment(int n) {
    int left = tree.field(n, "left");
    if (left == NONE) return;
    if (tree.type(left).equals("field_access") && scope.isThis(tree.field(left, "object"))) left = tree.field(left, "field");
    if (left != NONE && tree.type(left).equals("identifier")) scope.bind(left, tree.field(n, "right"), NONE);
  }

  private Map<String, String> arguments(int args) {
    Map<String, String> out = new LinkedHashMap<>();
    if (args == NONE) return out;
    int pos = 0;
    for (int a = tree.firstNamedChild(args); a != NONE; a = tree.nextNamedSibling(a)) {
      if (!tree.type(a).endsWith("comment")) out.put("#" + pos++, literals.value(a));
    }
    return out;
  }

}
