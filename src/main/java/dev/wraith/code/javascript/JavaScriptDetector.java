package dev.wraith.code.javascript;

import dev.wraith.code.FactMatcher;
import dev.wraith.code.Language;
import dev.wraith.code.SourceDetector;
import dev.wraith.code.SourceSyntax;
import dev.wraith.code.parser.Grammar;

/** {@code javascript/source}: SDK clients, agents, tools, endpoints and env var names in JavaScript and JSX files. */
public final class JavaScriptDetector extends SourceDetector {
  public JavaScriptDetector(FactMatcher matcher) {
    super(matcher, new SourceSyntax("javascript/source", Language.JAVASCRIPT,
        SourceSyntax.endingWith(".js", ".mjs", ".cjs", ".jsx"), Grammar.JAVASCRIPT, ScriptExtractor::extract));
  }
}
