package dev.wraith.code.java;

import dev.wraith.code.SyntaxTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;

/**
 * What names mean at a point of a Java file: the import scope ({@link JavaNames}) plus variable bindings
 * to instances, in call-name form ({@code FQN()}, {@code FQN().method()}). One flat scope in document order:
 * locals of one method stay visible in the next, a deliberate approximation that costs little in practice.
 * Every walk down an expression is bounded by {@link #MAX_DEPTH}.
 */
final class JavaScope {
  static final int MAX_DEPTH = 64;
  /** Longest source span read as a type name; longer dotted expressions are not types. */
  private static final int MAX_NAME = 512;

  private final SyntaxTree tree;
  private final JavaNames names;
  private final Map<String, String> bindings = new HashMap<>();

  JavaScope(SyntaxTree tree, JavaNames names) {
    this.tree = tree;
    this.names = names;
  }

  /** Binds a variable to the instance its initialiser builds, else to its declared type, else unbinds it. */
  void bind(TSNode name, TSNode value, TSNode declaredType) {
    if (name == null) return;
    String v = value == null ? null : valueOf(value, 0);
    if (v == null && declaredType != null) {
      String t = typeName(declaredType);
      if (t != null) v = t + "()";
    }
    if (v != null) bindings.put(tree.text(name), v);
    else bindings.remove(tree.text(name));
  }

  /** The instance an expression evaluates to, in call-name form ({@code FQN()}, {@code FQN().m()}), or null. */
  String valueOf(TSNode e, int depth) {
    if (e == null || depth > MAX_DEPTH) return null;
    switch (e.getType()) {
      case "object_creation_expression" -> {
        String t = typeName(SyntaxTree.field(e, "type"));
        return t == null ? null : t + "()";
      }
      case "method_invocation" -> {
        List<TSNode> links = chain(e);
        TSNode root = links.get(links.size() - 1);
        TSNode obj = SyntaxTree.field(root, "object");
        if (obj == null) { // builder() through import static: an instance of the member's class
          String member = names.staticMember(tree.text(SyntaxTree.field(root, "name")));
          return member == null || member.lastIndexOf('.') < 0 ? null : member.substring(0, member.lastIndexOf('.')) + "()";
        }
        if (obj.getType().equals("object_creation_expression")) return valueOf(obj, depth + 1);
        if (links.size() > MAX_DEPTH) return null;
        String instance = instance(obj, depth + 1);
        if (instance == null) {
          String t = typeOf(obj);
          return t == null ? null : t + "()";
        }
        StringBuilder b = new StringBuilder(instance);
        for (int i = links.size() - 1; i >= 0; i--) b.append('.').append(tree.text(SyntaxTree.field(links.get(i), "name"))).append("()");
        return b.toString();
      }
      case "parenthesized_expression" -> {
        return e.getNamedChildCount() == 1 ? valueOf(e.getNamedChild(0), depth + 1) : null;
      }
      case "cast_expression" -> {
        return valueOf(SyntaxTree.field(e, "value"), depth + 1);
      }
      default -> {
        return instance(e, depth + 1);
      }
    }
  }

  /** A bound variable ({@code v}, {@code this.v}, {@code v.field.sub}) in call-name form, or null. */
  String instance(TSNode e, int depth) {
    if (depth > MAX_DEPTH) return null;
    return switch (e.getType()) {
      case "identifier" -> bindings.get(tree.text(e));
      case "field_access" -> {
        TSNode obj = SyntaxTree.field(e, "object");
        TSNode field = SyntaxTree.field(e, "field");
        if (obj == null || field == null) yield null;
        if (isThis(obj)) yield bindings.get(tree.text(field));
        String base = instance(obj, depth + 1);
        yield base == null ? null : base + "." + tree.text(field);
      }
      case "parenthesized_expression" -> e.getNamedChildCount() == 1 ? instance(e.getNamedChild(0), depth + 1) : null;
      default -> null;
    };
  }

  /** The FQN of a type named by an expression ({@code X}, {@code Outer.Inner}, {@code com.x.Type}), or null. */
  String typeOf(TSNode e) {
    return switch (e.getType()) {
      case "identifier" -> names.type(tree.text(e));
      case "field_access", "scoped_identifier" -> {
        if (e.getEndByte() - e.getStartByte() > MAX_NAME) yield null;
        String dotted = tree.text(e).replaceAll("\\s+", "");
        yield isDottedName(dotted) ? names.dotted(dotted) : null;
      }
      default -> null;
    };
  }

  /** The FQN of a type node ({@code X}, {@code a.b.X}, {@code X<T>}), or null. */
  String typeName(TSNode t) {
    if (t == null) return null;
    return switch (t.getType()) {
      case "type_identifier", "identifier" -> names.type(tree.text(t));
      case "scoped_type_identifier", "scoped_identifier" -> names.dotted(tree.text(t).replaceAll("\\s+", ""));
      case "generic_type" -> t.getNamedChildCount() == 0 ? null : typeName(t.getNamedChild(0));
      default -> null;
    };
  }

  /** The method invocations of a chain, outermost first; iterative, so long chains cannot overflow. */
  static List<TSNode> chain(TSNode outer) {
    List<TSNode> links = new ArrayList<>();
    TSNode cur = outer;
    while (cur != null && cur.getType().equals("method_invocation")) {
      links.add(cur);
      cur = SyntaxTree.field(cur, "object");
    }
    return links;
  }

  /** Identifiers joined by single dots; checked by hand (a regex would recurse per segment). */
  private static boolean isDottedName(String s) {
    if (s.isEmpty() || s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.') return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' ? s.charAt(i - 1) == '.' : !Character.isJavaIdentifierPart(c)) return false;
    }
    return true;
  }

  static boolean isThis(TSNode n) {
    return n != null && n.getType().equals("this");
  }

}
