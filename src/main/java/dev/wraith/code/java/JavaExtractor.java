package dev.wraith.code.java;

import dev.wraith.code.SourceFacts;
import dev.wraith.code.SyntaxTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.treesitter.TSNode;

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
final class JavaExtractor {

  private final SyntaxTree tree;
  private final JavaNames names;
  private final JavaLiterals literals;
  private final JavaScope scope;
  private final Set<Long> consumed = new HashSet<>();
  private final List<SourceFacts.Import> imports = new ArrayList<>();
  private final List<SourceFacts.Call> calls = new ArrayList<>();
  private final List<SourceFacts.Literal> strings = new ArrayList<>();

  private JavaExtractor(SyntaxTree tree, Predicate<String> owned) {
    this.tree = tree;
    this.names = new JavaNames(owned);
    this.literals = new JavaLiterals(tree);
    this.scope = new JavaScope(tree, names);
  }

  /** @param owned whether a package or type name belongs to a catalogue signature (for wildcard imports) */
  static SourceFacts extract(SyntaxTree tree, Predicate<String> owned) {
    JavaExtractor x = new JavaExtractor(tree, owned);
    tree.walk(x::visit);
    return new SourceFacts(x.imports, x.calls, x.strings, tree.hasErrors());
  }

  private boolean visit(TSNode n) {
    switch (n.getType()) {
      case "import_declaration" -> {
        importDeclaration(n);
        return false;
      }
      case "package_declaration", "line_comment", "block_comment" -> {
        return false;
      }
      case "string_literal" -> {
        String v = literals.string(n);
        if (!v.isEmpty()) strings.add(new SourceFacts.Literal(v, SyntaxTree.line(n), SyntaxTree.column(n)));
        return false;
      }
      case "method_invocation" -> invocation(n);
      case "object_creation_expression" -> creation(n);
      case "marker_annotation", "annotation" -> annotation(n);
      case "superclass", "super_interfaces", "extends_interfaces" -> supertypes(n);
      case "local_variable_declaration", "field_declaration" -> declaration(n);
      case "formal_parameter" -> scope.bind(SyntaxTree.field(n, "name"), null, SyntaxTree.field(n, "type"));
      case "assignment_expression" -> assignment(n);
      default -> { }
    }
    return true;
  }

  private void importDeclaration(TSNode n) {
    boolean isStatic = false, wildcard = false;
    TSNode name = null;
    for (int i = 0; i < n.getChildCount(); i++) {
      TSNode c = n.getChild(i);
      switch (c.getType()) {
        case "static" -> isStatic = true;
        case "asterisk" -> wildcard = true;
        case "identifier", "scoped_identifier" -> name = c;
        default -> { }
      }
    }
    if (name == null) return;
    String path = tree.text(name).replaceAll("\\s+", "");
    imports.add(new SourceFacts.Import(path, SyntaxTree.line(name), SyntaxTree.column(name)));
    if (wildcard) names.importOnDemand(path);
    else if (isStatic) names.importStatic(path);
    else names.importType(path);
  }

  private void invocation(TSNode n) {
    if (consumed.contains(key(n))) return;
    List<TSNode> links = JavaScope.chain(n);
    for (int i = 1; i < links.size(); i++) consumed.add(key(links.get(i)));
    TSNode root = links.get(links.size() - 1);
    TSNode obj = SyntaxTree.field(root, "object");
    String method = tree.text(SyntaxTree.field(root, "name"));
    if (obj != null && obj.getType().equals("object_creation_expression")) {
      String type = scope.typeName(SyntaxTree.field(obj, "type"));
      if (type == null) return;
      consumed.add(key(obj));
      Map<String, String> args = arguments(SyntaxTree.field(obj, "arguments"));
      chainArguments(links, links.size(), args);
      emit(type, n, args);
      return;
    }
    String instance = obj == null ? null : scope.instance(obj, 0);
    if (instance != null) {
      String name = instance;
      // links beyond MAX_DEPTH are not reported: names would grow quadratically on hostile chains
      for (int i = links.size() - 1; i >= Math.max(0, links.size() - JavaScope.MAX_DEPTH); i--) {
        TSNode link = links.get(i);
        name = name + "." + tree.text(SyntaxTree.field(link, "name"));
        emit(name, link, arguments(SyntaxTree.field(link, "arguments")));
        name = name + "()";
      }
      return;
    }
    String type = obj == null ? names.staticMember(method) : scope.typeOf(obj);
    if (type == null) return;
    Map<String, String> args = arguments(SyntaxTree.field(root, "arguments"));
    chainArguments(links, links.size() - 1, args);
    emit(obj == null ? type : type + "." + method, n, args);
  }

  /** Adds links[0..end) (outermost first) as keyword args, innermost first; the first occurrence wins. */
  private void chainArguments(List<TSNode> links, int end, Map<String, String> args) {
    for (int i = end - 1; i >= 0; i--) {
      TSNode link = links.get(i);
      TSNode a = SyntaxTree.field(link, "arguments");
      String value = a == null || a.getNamedChildCount() == 0 ? "" : literals.value(a.getNamedChild(0));
      args.putIfAbsent(tree.text(SyntaxTree.field(link, "name")), value);
    }
  }

  private void creation(TSNode n) {
    if (consumed.contains(key(n))) return;
    String type = scope.typeName(SyntaxTree.field(n, "type"));
    if (type != null) emit(type, n, arguments(SyntaxTree.field(n, "arguments")));
  }

  private void annotation(TSNode n) {
    TSNode name = SyntaxTree.field(n, "name");
    String type = name == null ? null : names.dotted(tree.text(name).replaceAll("\\s+", ""));
    if (type == null) return;
    Map<String, String> args = new LinkedHashMap<>();
    TSNode list = SyntaxTree.field(n, "arguments");
    int pos = 0;
    for (int i = 0; list != null && i < list.getNamedChildCount(); i++) {
      TSNode a = list.getNamedChild(i);
      if (a.getType().equals("element_value_pair")) {
        args.put(tree.text(SyntaxTree.field(a, "key")), literals.value(SyntaxTree.field(a, "value")));
      } else if (!a.getType().endsWith("comment")) {
        args.put("#" + pos++, literals.value(a));
      }
    }
    emit(type, n, args);
  }

  private void supertypes(TSNode n) {
    for (int i = 0; i < n.getNamedChildCount(); i++) {
      TSNode c = n.getNamedChild(i);
      if (c.getType().equals("type_list")) {
        for (int j = 0; j < c.getNamedChildCount(); j++) supertype(c.getNamedChild(j));
      } else {
        supertype(c);
      }
    }
  }

  private void supertype(TSNode t) {
    String type = scope.typeName(t);
    if (type != null) emit(type, t, Map.of());
  }

  private void declaration(TSNode n) {
    TSNode type = SyntaxTree.field(n, "type");
    for (int i = 0; i < n.getNamedChildCount(); i++) {
      TSNode d = n.getNamedChild(i);
      if (d.getType().equals("variable_declarator")) scope.bind(SyntaxTree.field(d, "name"), SyntaxTree.field(d, "value"), type);
    }
  }

  private void assignment(TSNode n) {
    TSNode left = SyntaxTree.field(n, "left");
    if (left == null) return;
    if (left.getType().equals("field_access") && JavaScope.isThis(SyntaxTree.field(left, "object"))) left = SyntaxTree.field(left, "field");
    if (left != null && left.getType().equals("identifier")) scope.bind(left, SyntaxTree.field(n, "right"), null);
  }

  private Map<String, String> arguments(TSNode args) {
    Map<String, String> out = new LinkedHashMap<>();
    if (args == null) return out;
    int pos = 0;
    for (int i = 0; i < args.getNamedChildCount(); i++) {
      TSNode a = args.getNamedChild(i);
      if (!a.getType().endsWith("comment")) out.put("#" + pos++, literals.value(a));
    }
    return out;
  }

  private void emit(String name, TSNode at, Map<String, String> args) {
    calls.add(new SourceFacts.Call(name, SyntaxTree.line(at), SyntaxTree.column(at), args));
  }

  private static long key(TSNode n) {
    return ((long) n.getStartByte() << 32) | (n.getEndByte() & 0xffffffffL);
  }
}
