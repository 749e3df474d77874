package dev.wraith.code.php;

import java.util.HashMap;
import java.util.Map;

/**
 * A PHP file's name scope, as PHP resolves class and function names: a name whose first segment a
 * {@code use} imports goes through that import; a fully qualified name ({@code \A\B}) is itself; any other name
 * is relative to the file's namespace (the global one when it declares none). Names keep PHP's backslashes,
 * without the leading one.
 */
final class PhpNames {
  private final Map<String, String> classes = new HashMap<>();
  private final Map<String, String> functions = new HashMap<>();
  private String namespace = "";

  void namespace(String name) {
    namespace = strip(name);
  }

  /** {@code use A\B\C;} or {@code use A\B\C as D;} ({@code alias} null or empty without one). */
  void use(String name, String alias, boolean function) {
    String full = strip(name);
    String key = alias == null || alias.isEmpty() ? full.substring(full.lastIndexOf('\\') + 1) : alias;
    (function ? functions : classes).put(key.toLowerCase(java.util.Locale.ROOT), full);
  }

  /** The full name of a class written as {@code written}, or null for self, static, parent and empty names. */
  String resolveClass(String written) {
    if (written.isEmpty() || written.length() > 512) return null;
    if (written.startsWith("\\")) return strip(written);
    String lower = written.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("self") || lower.equals("static") || lower.equals("parent")) return null;
    if (lower.startsWith("namespace\\")) return prefixed(written.substring("namespace\\".length()));
    int sep = written.indexOf('\\');
    String first = (sep < 0 ? written : written.substring(0, sep)).toLowerCase(java.util.Locale.ROOT);
    String imported = classes.get(first);
    if (imported != null) return sep < 0 ? imported : imported + written.substring(sep);
    return prefixed(written);
  }

  /** The full name of a function called as {@code written}, or null when no {@code use function} imports it. */
  String resolveFunction(String written) {
    if (written.startsWith("\\")) return strip(written);
    return functions.get(written.toLowerCase(java.util.Locale.ROOT));
  }

  private String prefixed(String name) {
    return namespace.isEmpty() ? name : namespace + "\\" + name;
  }

  private static String strip(String name) {
    String s = name.replaceAll("\\s+", "");
    return s.startsWith("\\") ? s.substring(1) : s;
  }
}
