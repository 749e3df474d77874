package dev.wraith.code.python;

import java.util.Optional;
import dev.wraith.catalogue.Ecosystem;

import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FileDetector;
import dev.wraith.code.Language;
import dev.wraith.code.SourceFile;
import dev.wraith.code.SyntaxTree;
import org.treesitter.TSParser;
import org.treesitter.TreeSitterPython;

/** {@code python/source}: SDK clients, agents, tools, endpoints and env var names in Python files. */
public final class PythonDetector implements FileDetector {
  private static final ThreadLocal<TSParser> PARSERS = SyntaxTree.parsers(TreeSitterPython::new);
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
    try (SyntaxTree tree = SyntaxTree.parse(PARSERS, file.text())) {
      return matcher.match(file.path(), Language.PYTHON, PythonExtractor.extract(tree)).withEncodingWarning(file);
    }
  }
}
