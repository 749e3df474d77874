package dev.wraith.code.go;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.Language;
import dev.wraith.code.SourceDetector;
import dev.wraith.code.SourceSyntax;
import dev.wraith.code.parser.Grammar;

/**
 * {@code go/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names in
 * Go files. Takes the catalogue's Go signatures to decide which imports may have their package name guessed.
 */
public final class GoDetector extends SourceDetector {
  public GoDetector(FactMatcher matcher, Catalogue catalogue) {
    super(matcher, SourceSyntax.owning("go/source", Language.GO,
        SourceSyntax.endingWith(".go"), Grammar.GO, catalogue,
        (tree, owned) -> new GoExtractor(tree, owned).facts()));
  }
}
