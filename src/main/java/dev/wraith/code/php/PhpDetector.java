package dev.wraith.code.php;

import dev.wraith.code.FactMatcher;
import dev.wraith.code.Language;
import dev.wraith.code.SourceDetector;
import dev.wraith.code.SourceSyntax;
import dev.wraith.code.parser.Grammar;

/**
 * {@code php/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names in PHP
 * files, matched against the catalogue's Packagist signatures (whose modules are PHP namespaces). A file with syntax
 * errors is read again with keyword argument names renamed ({@link KeywordArgumentRepair}).
 */
public final class PhpDetector extends SourceDetector {
  public PhpDetector(FactMatcher matcher) {
    super(matcher, new SourceSyntax("php/source", Language.PHP,
        SourceSyntax.endingWith(".php"), Grammar.PHP, tree -> new PhpExtractor(tree).facts())
        .withRepair(KeywordArgumentRepair::repair));
  }
}
