package dev.wraith.code.javascript;

import java.util.Optional;
import dev.wraith.catalogue.Ecosystem;

import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FileDetector;
import dev.wraith.code.Language;
import dev.wraith.code.SourceFile;
import dev.wraith.code.parser.Grammar;

/** {@code javascript/source}: SDK clients, agents, tools, endpoints and env var names in JavaScript and JSX files. */
public final class JavaScriptDetector implements FileDetector {
  private final FactMatcher matcher;

  public JavaScriptDetector(FactMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public String id() {
    return "javascript/source";
  }

  @Override
  public boolean accepts(String path) {
    return path.endsWith(".js") || path.endsWith(".mjs") || path.endsWith(".cjs") || path.endsWith(".jsx");
  }

  @Override
  public Optional<Ecosystem> triggerEcosystem() {
    return Optional.of(Ecosystem.NPM);
  }

  @Override
  public Detection detect(SourceFile file) {
    return ScriptDetection.detect(Grammar.JAVASCRIPT, matcher, Language.JAVASCRIPT, file);
  }
}
