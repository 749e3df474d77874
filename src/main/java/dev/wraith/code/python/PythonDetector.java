package dev.wraith.code.python;

import dev.wraith.code.FactMatcher;
import dev.wraith.code.Language;
import dev.wraith.code.SourceDetector;
import dev.wraith.code.SourceSyntax;
import dev.wraith.code.parser.Grammar;

/**
 * {@code python/source}: SDK clients, agents, tools, endpoints and env var names in Python files. A file with syntax
 * errors is read again with under-indented lines inside brackets continued ({@link BracketDedentRepair}).
 */
public final class PythonDetector extends SourceDetector {
  public PythonDetector(FactMatcher matcher) {
    super(matcher, new SourceSyntax("python/source", Language.PYTHON,
        SourceSyntax.endingWith(".py", ".pyw", ".pyi"), Grammar.PYTHON, tree -> new PythonExtractor(tree).facts())
        .withRepair(BracketDedentRepair::repair));
  }
}
