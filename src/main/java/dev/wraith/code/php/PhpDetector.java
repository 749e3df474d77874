package dev.wraith.code.php;

import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FileDetector;
import dev.wraith.code.Language;
import dev.wraith.code.SourceFile;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.parser.Grammar;
import java.util.Optional;

/**
 * {@code php/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names in PHP
 * files, matched against the catalogue's Packagist signatures (whose modules are PHP namespaces).
 */
public final class PhpDetector implements FileDetector {
  private final FactMatcher matcher;

  public PhpDetector(FactMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public String id() {
    return "php/source";
  }

  @Override
  public boolean accepts(String path) {
    return path.endsWith(".php");
  }

  @Override
  public Optional<Ecosystem> triggerEcosystem() {
    return Optional.of(Ecosystem.PACKAGIST);
  }

  @Override
  public Detection detect(SourceFile file) {
    SyntaxTree tree = SyntaxTree.parse(Grammar.PHP, file.bytes());
    return matcher.match(file.path(), Language.PHP, PhpExtractor.extract(tree))
        .withWarnings(tree.warnings(file.path())).withEncodingWarning(file);
  }
}
