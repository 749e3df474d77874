package dev.wraith.code.javascript;

import dev.wraith.code.FactMatcher;
import dev.wraith.code.Language;
import dev.wraith.code.SourceDetector;
import dev.wraith.code.SourceSyntax;
import dev.wraith.code.parser.Grammar;

/**
 * {@code typescript/source}: the same findings as {@link JavaScriptDetector} for TypeScript. {@code .tsx}
 * needs the tsx grammar (JSX and {@code <T>x} casts cannot share one grammar); declaration files
 * ({@code .d.ts}) hold no code and are skipped.
 */
public final class TypeScriptDetector extends SourceDetector {
  public TypeScriptDetector(FactMatcher matcher) {
    super(matcher, new SourceSyntax("typescript/source", Language.TYPESCRIPT,
        SourceSyntax.endingWith(".d.ts", ".d.mts", ".d.cts").negate().and(SourceSyntax.endingWith(".ts", ".mts", ".cts", ".tsx")),
        path -> path.endsWith(".tsx") ? Grammar.TSX : Grammar.TYPESCRIPT, ScriptExtractor::extract));
  }
}
