package dev.wraith.code.csharp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A C# file's using scope: which namespace a type name written in code belongs to, or null.
 *
 * <p>A {@code using N;} imports every type of a namespace, and one file cannot see which namespace declares a
 * type, so a simple name is resolved as far as the catalogue can tell: through a {@code using A = N.T;} alias;
 * never when the file declares a type of that name or it is a common {@code System} type; otherwise through the
 * file's using namespaces that a catalogue signature owns, taking the one under which the whole call name is the
 * most specific catalogue symbol ({@link CSharpSymbols#rank}; the first such using on a tie); a name that is no
 * symbol under any of them stays unresolved (a type of another namespace would otherwise be taken for an AI one).
 * Written-out names
 * ({@code Microsoft.SemanticKernel.Kernel}, {@code global::OpenAI.OpenAIClient}) resolve as written when a
 * signature owns them. Global usings declared in another file are not seen.
 */
final class CSharpNames {
  /** System and BCL types that code names unqualified next to AI namespaces; never resolved through them. */
  private static final Set<String> SYSTEM = Set.of("Console", "Environment", "Math", "String", "Object", "Task",
      "ValueTask", "Uri", "TimeSpan", "DateTime", "DateTimeOffset", "Guid", "Convert", "File", "Path", "Directory",
      "Enumerable", "List", "Dictionary", "HashSet", "Array", "Exception", "HttpClient", "JsonSerializer",
      "StringBuilder", "Encoding", "Stopwatch", "CancellationTokenSource", "Activator", "Type", "Int32", "Int64",
      "Double", "Boolean", "Nullable", "Lazy", "Func", "Action", "Debug", "Trace", "Thread", "Random", "Regex",
      "WebApplication", "Host", "ConfigurationBuilder", "ServiceCollection", "IServiceCollection", "Assert");

  private final CSharpSymbols symbols;
  private final Map<String, String> aliases = new HashMap<>();
  private final List<String> namespaces = new ArrayList<>();
  private final List<String> staticTypes = new ArrayList<>();
  private final Set<String> declared = new HashSet<>();

  CSharpNames(CSharpSymbols symbols) {
    this.symbols = symbols;
  }

  /** {@code using N;}, {@code using A = N.T;} ({@code alias} non-null) or {@code using static N.T;}. */
  void using(String target, String alias, boolean isStatic) {
    if (alias != null) aliases.put(alias, target);
    else if (isStatic) staticTypes.add(target);
    else if (symbols.owns(target) && !namespaces.contains(target)) namespaces.add(target);
  }

  /** A type declared in this file: its simple name never resolves through a using. */
  void declare(String simpleName) {
    declared.add(simpleName);
  }

  /**
   * The full name of a type written as {@code written} (simple or dotted) when code goes on with {@code rest}
   * ("" for the type itself, ".Method" for a static call on it), or null.
   */
  String type(String written, String rest) {
    if (written.startsWith("global::")) written = written.substring("global::".length());
    int dot = written.indexOf('.');
    String first = dot < 0 ? written : written.substring(0, dot);
    String tail = dot < 0 ? "" : written.substring(dot);
    String alias = aliases.get(first);
    if (alias != null) return alias + tail;
    if (dot > 0 && symbols.owns(written)) return written;
    if (declared.contains(first) || SYSTEM.contains(first) || first.isEmpty() || !Character.isUpperCase(first.charAt(0))) {
      return null;
    }
    String best = null;
    int bestRank = Integer.MAX_VALUE;
    for (String ns : namespaces) {
      int rank = symbols.rank(ns + "." + written + rest);
      if (rank < bestRank) {
        best = ns + "." + written;
        bestRank = rank;
      }
    }
    return best;
  }

  /** The full name of a method called without a receiver, through {@code using static}, or null. */
  String staticMethod(String method) {
    for (String t : staticTypes) if (symbols.known(t + "." + method)) return t + "." + method;
    return null;
  }

  /**
   * An extension method: {@code NS.Method} for the owned using namespace under which that name is the most
   * specific catalogue symbol written for any receiver ({@code NS.**Method}; extension methods come into scope
   * by namespace, and the call site never names their static class), or null.
   */
  String extension(String method) {
    String best = null;
    int bestRank = Integer.MAX_VALUE;
    for (String ns : namespaces) {
      int rank = symbols.extensionRank(ns + "." + method);
      if (rank < bestRank) {
        best = ns + "." + method;
        bestRank = rank;
      }
    }
    return best;
  }
}
