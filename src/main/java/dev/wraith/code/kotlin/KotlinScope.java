package dev.wraith.code.kotlin;

import dev.wraith.code.SyntaxTree;
import dev.wraith.code.java.JavaNames;
import dev.wraith.code.java.TypedScope;
import static dev.wraith.code.SyntaxTree.NONE;
import java.util.ArrayList;
import java.util.List;

/**
 * What names mean at a point of a Kotlin file: the import scope ({@link JavaNames}, which resolves Kotlin imports
 * as it does Java ones) plus variable bindings to instances in call-name form ({@code FQN()},
 * {@code FQN().method()}). One flat scope in document order, as for Java; walks are bounded by {@link #MAX_DEPTH}.
 */
final class KotlinScope extends TypedScope {
  KotlinScope(SyntaxTree tree, JavaNames names) {
    super(tree, names);
  }

  /** A call of a chain: the call node, the method or function name, its receiver (NONE for a bare call). */
  record Link(int call, String name, int receiver, int arguments) {}

  /**
   * The calls of a chain, outermost first; a trailing lambda after a parenthesised call ({@code f(a) { .. }},
   * parsed as a call of a call) is part of its call. Iterative, so long chains cannot overflow.
   */
  List<Link> chain(int outer) {
    List<Link> links = new ArrayList<>();
    int cur = outer;
    while (cur != NONE && tree.type(cur).equals("call_expression") && links.size() <= MAX_DEPTH) {
      int callee = tree.firstNamedChild(cur);
      int suffix = suffix(cur);
      int args = suffix == NONE ? NONE : tree.firstNamedChild(suffix, "value_arguments");
      while (callee != NONE && tree.type(callee).equals("call_expression") && args == NONE) {
        int inner = suffix(callee);
        args = inner == NONE ? NONE : tree.firstNamedChild(inner, "value_arguments");
        callee = tree.firstNamedChild(callee);
      }
      if (callee == NONE) break;
      switch (tree.type(callee)) {
        case "simple_identifier" -> {
          links.add(new Link(cur, tree.text(callee), NONE, args));
          return links;
        }
        case "navigation_expression" -> {
          int recv = tree.firstNamedChild(callee);
          links.add(new Link(cur, navigationName(callee), recv, args));
          cur = recv;
        }
        default -> {
          return links;
        }
      }
    }
    return links;
  }


  /** The instance an expression evaluates to, in call-name form, or null. */
  @Override
  public String valueOf(int e, int depth) {
    if (e == NONE || depth > MAX_DEPTH) return null;
    return switch (tree.type(e)) {
      case "call_expression" -> {
        List<Link> links = chain(e);
        if (links.isEmpty()) yield null;
        Link root = links.get(links.size() - 1);
        if (root.receiver() == NONE) {
          String t = names.type(root.name());
          yield t == null || !Character.isUpperCase(root.name().charAt(0)) ? null : t + "()";
        }
        String instance = instance(root.receiver(), depth + 1);
        if (instance == null) {
          String t = typeOf(root.receiver());
          yield t == null ? null : t + "()";
        }
        StringBuilder b = new StringBuilder(instance);
        for (int i = links.size() - 1; i >= 0; i--) b.append('.').append(links.get(i).name()).append("()");
        yield b.toString();
      }
      case "parenthesized_expression" -> valueOf(tree.firstNamedChild(e), depth + 1);
      default -> instance(e, depth + 1);
    };
  }

  /** A bound variable ({@code v}, {@code this.v}, {@code v.field}) in call-name form, or null. */
  String instance(int e, int depth) {
    if (e == NONE || depth > MAX_DEPTH) return null;
    return switch (tree.type(e)) {
      case "simple_identifier" -> bindings.get(tree.text(e));
      case "navigation_expression" -> {
        int recv = tree.firstNamedChild(e);
        String field = navigationName(e);
        if (recv == NONE || field.isEmpty()) yield null;
        if (tree.type(recv).equals("this_expression")) yield bindings.get(field);
        String base = instance(recv, depth + 1);
        yield base == null ? null : base + "." + field;
      }
      case "parenthesized_expression" -> instance(tree.firstNamedChild(e), depth + 1);
      default -> null;
    };
  }

  /** The FQN of a type an expression names ({@code X}, {@code Outer.Inner}, {@code com.x.Type}), or null. */
  String typeOf(int e) {
    return switch (tree.type(e)) {
      case "simple_identifier" -> bindings.contains(tree.text(e)) ? null : names.type(tree.text(e));
      case "navigation_expression" -> {
        if (tree.endByte(e) - tree.startByte(e) > MAX_NAME) yield null;
        String dotted = tree.text(e).replaceAll("\\s+", "");
        yield dotted.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*") ? names.dotted(dotted) : null;
      }
      default -> null;
    };
  }

  /** The FQN of a type node ({@code X}, {@code a.b.X}, {@code X<T>}, {@code X?}), or null. */
  @Override
  public String typeName(int t) {
    if (t == NONE) return null;
    return switch (tree.type(t)) {
      case "user_type" -> {
        StringBuilder b = new StringBuilder();
        for (int c = tree.firstNamedChild(t); c != NONE; c = tree.nextNamedSibling(c)) {
          int id = tree.type(c).equals("simple_user_type") ? tree.firstNamedChild(c) : c;
          if (id == NONE || !tree.type(id).equals("type_identifier")) continue;
          if (!b.isEmpty()) b.append('.');
          b.append(tree.text(id));
        }
        yield b.isEmpty() ? null : names.dotted(b.toString());
      }
      case "nullable_type", "constructor_invocation" -> typeName(tree.firstNamedChild(t));
      default -> null;
    };
  }

  /** The member name of a navigation ({@code a.b}, {@code a?.b}): its suffix's identifier, or "". */
  String navigationName(int nav) {
    int suffix = tree.firstNamedChild(nav, "navigation_suffix");
    int id = suffix == NONE ? NONE : tree.firstNamedChild(suffix, "simple_identifier");
    return id == NONE ? "" : tree.text(id);
  }

  int suffix(int call) {
    return tree.firstNamedChild(call, "call_suffix");
  }
}
