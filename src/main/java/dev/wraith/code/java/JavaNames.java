package dev.wraith.code.java;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Java file's import scope: turns simple and dotted type names written in code into fully qualified
 * names, or null when they cannot be tied to an import.
 *
 * <p>Order of resolution, as javac does it as far as one file can tell: single-type imports, then fully
 * qualified names that a catalogue module owns, then on-demand ({@code .*}) imports. A simple name goes
 * through an on-demand import only when it looks like a type (upper-case first letter), is not a common
 * {@code java.lang} type, and exactly one of the file's on-demand packages is owned by the catalogue:
 * with two owned wildcards the name is ambiguous, and types of the file's own package cannot be seen here.
 * Kotlin imports resolve the same way (a Kotlin {@code import a.b.C as D} is {@link #importAlias}).
 */
public final class JavaNames {
  /** java.lang types that code uses unqualified; never resolved through a wildcard import. */
  private static final Set<String> JAVA_LANG = Set.of("String", "System", "Object", "Integer", "Long", "Double",
      "Float", "Boolean", "Character", "Byte", "Short", "Math", "Thread", "Runtime", "StringBuilder", "Class", "Void",
      "Number", "Enum", "Record", "Iterable", "Exception", "RuntimeException", "Error", "IllegalArgumentException",
      "IllegalStateException", "Override", "Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs");

  private final Predicate<String> owned;
  private final Map<String, String> types = new HashMap<>();
  private final Map<String, String> statics = new HashMap<>();
  private final List<String> ownedWildcards = new ArrayList<>();

  public JavaNames(Predicate<String> owned) {
    this.owned = owned;
  }

  /** {@code import a.b.C;} */
  public void importType(String fqn) {
    types.put(lastSegment(fqn), fqn);
  }

  /** Kotlin's {@code import a.b.C as D}: D names a.b.C. */
  public void importAlias(String alias, String fqn) {
    types.put(alias, fqn);
  }

  /** {@code import static a.b.C.member;} */
  public void importStatic(String fqn) {
    statics.put(lastSegment(fqn), fqn);
  }

  /** {@code import a.b.*;} (or {@code import static a.b.C.*;}, whose members are not resolved). */
  public void importOnDemand(String pkg) {
    if (owned.test(pkg)) ownedWildcards.add(pkg);
  }

  /** The FQN of a statically imported member called without a qualifier, or null. */
  public String staticMember(String simple) {
    return statics.get(simple);
  }

  /** The FQN of a simple type name, or null. */
  public String type(String simple) {
    String t = types.get(simple);
    if (t != null) return t;
    if (ownedWildcards.size() != 1 || simple.isEmpty() || !Character.isUpperCase(simple.charAt(0))) return null;
    return JAVA_LANG.contains(simple) ? null : ownedWildcards.get(0) + "." + simple;
  }

  /**
   * The FQN for a dotted name ({@code Outer.Inner}, {@code com.x.Type}): through the import of its first
   * segment, else as written when a catalogue module owns it, else through an on-demand import.
   */
  public String dotted(String name) {
    int dot = name.indexOf('.');
    if (dot < 0) return type(name);
    String first = name.substring(0, dot);
    String t = types.get(first);
    if (t != null) return t + name.substring(dot);
    if (owned.test(name)) return name;
    t = type(first);
    return t == null ? null : t + name.substring(dot);
  }

  private static String lastSegment(String fqn) {
    return fqn.substring(fqn.lastIndexOf('.') + 1);
  }
}
