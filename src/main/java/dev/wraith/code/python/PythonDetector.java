package dev.wraith.code.python;

import java.util.Optional;
import dev.wraith.catalogue.Ecosystem;

import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FileDetector;
import dev.wraith.code.Language;
import dev.wraith.code.SourceFile;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.parser.Grammar;

/** {@code python/source}: SDK clients, agents, tools, endpoints and env var names in Python files. */
public final class PythonDetector implements FileDetector {
  private final FactMatcher matcher;

  public PythonDetector(FactMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public String id() {
    return "python/source";
  }

  @Override
  public boolean accepts(String path) {
    return path.endsWith(".py") || path.endsWith(".pyw") || path.endsWith(".pyi");
  }

  @Override
  public Optional<Ecosystem> triggerEcosystem() {
    return Optional.of(Ecosystem.PYPI);
  }

  @Override
  public Detection detect(SourceFile file) {
    SyntaxTree tree = SyntaxTree.parse(Grammar.PYTHON, file.bytes());
    return matcher.match(file.path(), Language.PYTHON, PythonExtractor.extract(tree))
        .withWarnings(tree.warnings(file.path())).withEncodingWarning(file);
  }
}
