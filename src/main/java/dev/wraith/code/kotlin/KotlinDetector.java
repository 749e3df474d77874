package dev.wraith.code.kotlin;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.Language;
import dev.wraith.code.SourceDetector;
import dev.wraith.code.SourceSyntax;
import dev.wraith.code.parser.Grammar;

/**
 * {@code kotlin/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names in
 * Kotlin files and scripts. Kotlin code uses Maven artifacts, so it is matched against the catalogue's Maven
 * signatures with call names formed as for Java.
 */
public final class KotlinDetector extends SourceDetector {
  public KotlinDetector(FactMatcher matcher, Catalogue catalogue) {
    super(matcher, SourceSyntax.owning("kotlin/source", Language.KOTLIN,
        path -> path.endsWith(".kt") || (path.endsWith(".kts") && !path.endsWith(".gradle.kts")), Grammar.KOTLIN, catalogue,
        (tree, owned) -> new KotlinExtractor(tree, owned).facts()));
  }
}
