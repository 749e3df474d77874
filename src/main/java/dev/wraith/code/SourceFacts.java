package dev.wraith.code;

import java.util.List;
import java.util.Map;

/**
 * What a language extractor learned from one parsed file, in a language-neutral form the
 * {@link FactMatcher} understands.
 *
 * <p>Call names are fully resolved through the file's imports: {@code module.Symbol} for a call of an
 * imported symbol, {@code module.Class().method} for a method called on an instance the file built from an
 * imported class. Calls whose root is not an import are not reported at all.
 *
 * @param imports every imported module path (Python module, npm specifier, Java type or package, Go path)
 * @param calls resolved calls; decorators, constructor calls and struct literals count as calls
 * @param literals string literals outside comments and docstrings, plus names read from environment
 *     objects ({@code process.env.NAME})
 * @param syntaxErrors whether the parser had to recover from errors (findings may be incomplete)
 */
public record SourceFacts(List<Import> imports, List<Call> calls, List<Literal> literals, boolean syntaxErrors) {

  public SourceFacts {
    imports = List.copyOf(imports);
    calls = List.copyOf(calls);
    literals = List.copyOf(literals);
  }

  public record Import(String module, int line, int column) {}

  /**
   * A resolved call. {@code args} maps keyword names (or "#0", "#1", ... for positional arguments) to the
   * literal source text of the value when it is a string, number, boolean or None/null literal, and to ""
   * otherwise. String values are unquoted.
   */
  public record Call(String name, int line, int column, Map<String, String> args) {
    public Call {
      args = Map.copyOf(args);
    }
  }

  public record Literal(String value, int line, int column) {}
}
