package dev.wraith.code;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The variable bindings of one file as an extractor walks it: a variable holds the call-name form of the instance
 * it was given ({@code FQN()}, {@code FQN().method()}). One flat scope in document order, a deliberate
 * approximation (locals of one function stay visible in the next) that costs little in practice. Mutable; one per
 * extraction.
 */
public final class Bindings {
  private final Map<String, String> byName = new HashMap<>();

  /**
   * Binds a variable to its value's call-name form when that resolved, else to an instance of its declared type when
   * that resolves, else unbinds it (a reassignment to something unknown ends the old binding).
   *
   * @param value the value's call-name form, or null when it did not resolve
   * @param declaredType the declared type's full name, or null; asked only when the value did not resolve
   */
  public void bind(String name, String value, Supplier<String> declaredType) {
    String v = value;
    if (v == null) {
      String t = declaredType.get();
      if (t != null) v = t + "()";
    }
    if (v != null) byName.put(name, v);
    else byName.remove(name);
  }

  /** What a variable holds, or null when it is not bound. */
  public String get(String name) {
    return byName.get(name);
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }
}
