package dev.wraith.code.java;

import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.ArrayList;
import java.util.List;

/**
 * What names mean at a point of a Java file: the import scope ({@link JavaNames}) plus variable bindings
 * to instances, in call-name form ({@code FQN()}, {@code FQN().method()}). One flat scope in document order:
 * locals of one method stay visible in the next, a deliberate approximation that costs little in practice.
 * Every walk down an expression is bounded by {@link #MAX_DEPTH}.
 */
final class JavaScope extends TypedScope {
  JavaScope(SyntaxTree tree, JavaNames names) {
    super(tree, names);
  }


  /** The instance an expression evaluates to, in call-name form ({@code FQN()}, {@code FQN().m()}), or null. */
  @Override
  public String valueOf(int e, int depth) {
    if (e == NONE || depth > MAX_DEPTH) return null;
    switch (tree.type(e)) {
      case "object_creation_expression" -> {
        String t = typeName(tree.field(e, "type"));
        return t == null ? null : t + "()";
      }
      case "method_invocation" -> {
        List<Integer> links = chain(e);
        int root = links.get(links.size() - 1);
        int obj = tree.field(root, "object");
        if (obj == NONE) { // builder() through import static: an instance of the member's class
          String member = names.staticMember(tree.text(tree.field(root, "name")));
          return member == null || member.lastIndexOf('.') < 0 ? null : member.substring(0, member.lastIndexOf('.')) + "()";
        }
        if (tree.type(obj).equals("object_creation_expression")) return valueOf(obj, depth + 1);
        if (links.size() > MAX_DEPTH) return null;
        String instance = instance(obj, depth + 1);
        if (instance == null) {
          String t = typeOf(obj);
          return t == null ? null : t + "()";
        }
        StringBuilder b = new StringBuilder(instance);
        for (int i = links.size() - 1; i >= 0; i--) b.append('.').append(tree.text(tree.field(links.get(i), "name"))).append("()");
        return b.toString();
      }
      case "parenthesized_expression" -> {
        return tree.namedChildCount(e) == 1 ? valueOf(tree.firstNamedChild(e), depth + 1) : null;
      }
      case "cast_expression" -> {
        return valueOf(tree.field(e, "value"), depth + 1);
      }
      default -> {
        return instance(e, depth + 1);
      }
    }
  }

  /** A bound variable ({@code v}, {@code this.v}, {@code v.field.sub}) in call-name form, or null. */
  String instance(int e, int depth) {
    if (depth > MAX_DEPTH) return null;
    return switch (tree.type(e)) {
      case "identifier" -> bindings.get(tree.text(e));
      case "field_access" -> {
        int obj = tree.field(e, "object");
        int field = tree.field(e, "field");
        if (obj == NONE || field == NONE) yield null;
        if (isThis(obj)) yield bindings.get(tree.text(field));
        String base = instance(obj, depth + 1);
        yield base == null ? null : base + "." + tree.text(field);
      }
      case "parenthesized_expression" -> tree.namedChildCount(e) == 1 ? instance(tree.firstNamedChild(e), depth + 1) : null;
      default -> null;
    };
  }

  /** The FQN of a type named by an expression ({@code X}, {@code Outer.Inner}, {@code com.x.Type}), or null. */
  String typeOf(int e) {
    return switch (tree.type(e)) {
      case "identifier" -> names.type(tree.text(e));
      case "field_access", "scoped_identifier" -> {
        if (tree.endByte(e) - tree.startByte(e) > MAX_NAME) yield null;
        String dotted = tree.text(e).replaceAll("\\s+", "");
        yield isDottedName(dotted) ? names.dotted(dotted) : null;
      }
      default -> null;
    };
  }

  /** The FQN of a type node ({@code X}, {@code a.b.X}, {@code X<T>}), or null. */
  @Override
  public String typeName(int t) {
    if (t == NONE) return null;
    return switch (tree.type(t)) {
      case "type_identifier", "identifier" -> names.type(tree.text(t));
      case "scoped_type_identifier", "scoped_identifier" -> names.dotted(tree.text(t).replaceAll("\\s+", ""));
      case "generic_type" -> tree.namedChildCount(t) == 0 ? null : typeName(tree.firstNamedChild(t));
      default -> null;
    };
  }

  /** The method invocations of a chain, outermost first; iterative, so long chains cannot overflow. */
  List<Integer> chain(int outer) {
    List<Integer> links = new ArrayList<>();
    int cur = outer;
    while (cur != NONE && tree.type(cur).equals("method_invocation")) {
      links.add(cur);
      cur = tree.field(cur, "object");
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

  boolean isThis(int n) {
    return n != NONE && tree.type(n).equals("this");
  }

}
