package dev.wraith.code.java;

import dev.wraith.code.Bindings;
import dev.wraith.code.SyntaxTree;
import static dev.wraith.code.SyntaxTree.NONE;

/**
 * What names mean at a point of a file of a JVM language with declared types (Java, Kotlin): the import scope
 * ({@link JavaNames}) plus variable bindings to instances in call-name form ({@code FQN()},
 * {@code FQN().method()}), one flat scope in document order (see {@link Bindings}). A language's scope says how
 * its expressions evaluate and how its type nodes name types; binding is the same for both. Every walk down an
 * expression is bounded by {@link #MAX_DEPTH}.
 */
public abstract class TypedScope {
  public static final int MAX_DEPTH = 64;
  /** Longest source span read as a type name; longer dotted expressions are not types. */
  protected static final int MAX_NAME = 512;

  protected final SyntaxTree tree;
  protected final JavaNames names;
  protected final Bindings bindings = new Bindings();

  protected TypedScope(SyntaxTree tree, JavaNames names) {
    this.tree = tree;
    this.names = names;
  }

  /** Binds a variable to the instance its initialiser builds, else to its declared type, else unbinds it. */
  public final void bind(int name, int value, int declaredType) {
    if (name == NONE) return;
    bindings.bind(tree.text(name), value == NONE ? null : valueOf(value, 0),
        () -> declaredType == NONE ? null : typeName(declaredType));
  }

  /** The instance an expression evaluates to, in call-name form, or null. */
  public abstract String valueOf(int e, int depth);

  /** The full name of the type a type node names, or null. */
  public abstract String typeName(int t);
}
