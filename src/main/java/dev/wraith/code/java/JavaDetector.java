package dev.wraith.code.java;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.Language;
import dev.wraith.code.SourceDetector;
import dev.wraith.code.SourceSyntax;
import dev.wraith.code.parser.Grammar;

/**
 * {@code java/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names
 * in Java files. Takes the catalogue's Maven signatures to decide which on-demand imports may resolve names.
 */
public final class JavaDetector extends SourceDetector {
  public JavaDetector(FactMatcher matcher, Catalogue catalogue) {
    super(matcher, SourceSyntax.owning("java/source", Language.JAVA,
        SourceSyntax.endingWith(".java"), Grammar.JAVA, catalogue,
        (tree, owned) -> new JavaExtractor(tree, owned).facts()));
  }
}
