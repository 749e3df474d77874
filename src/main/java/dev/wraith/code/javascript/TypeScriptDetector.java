package dev.wraith.code.javascript;

import java.util.Optional;
import dev.wraith.catalogue.Ecosystem;

import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FileDetector;
import dev.wraith.code.Language;
import dev.wraith.code.SourceFile;
import dev.wraith.code.parser.Grammar;

/**
 * {@code typescript/source}: the same findings as {@link JavaScriptDetector} for TypeScript. {@code .tsx}
 * needs the tsx grammar (JSX and {@code <T>x} casts cannot share one grammar); declaration files
 * ({@code .d.ts}) hold no code and are skipped.
 */
public final class TypeScriptDetector implements FileDetector {
  private final FactMatcher matcher;

  public TypeScriptDetector(FactMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public String id() {
    return "typescript/source";
  }

  @Override
  public boolean accepts(String path) {
    if (path.endsWith(".d.ts") || path.endsWith(".d.mts") || path.endsWith(".d.cts")) return false;
    return path.endsWith(".ts") || path.endsWith(".mts") || path.endsWith(".cts") || path.endsWith(".tsx");
  }

  @Override
  public Optional<Ecosystem> triggerEcosystem() {
    return Optional.of(Ecosystem.NPM);
  }

  @Override
  public Detection detect(SourceFile file) {
    return ScriptDetection.detect(file.path().endsWith(".tsx") ? Grammar.TSX : Grammar.TYPESCRIPT, matcher, Language.TYPESCRIPT, file);
  }
}
