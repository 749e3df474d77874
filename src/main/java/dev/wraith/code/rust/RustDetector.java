package dev.wraith.code.rust;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.Language;
import dev.wraith.code.SourceDetector;
import dev.wraith.code.SourceSyntax;
import dev.wraith.code.parser.Grammar;

/**
 * {@code rust/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names in Rust
 * files, matched against the catalogue's Cargo signatures (whose modules are crate names as code writes them). A
 * parse with syntax errors gets a second reading where the grammar misread a variable named raw
 * ({@link RawBorrowRepair}).
 */
public final class RustDetector extends SourceDetector {
  public RustDetector(FactMatcher matcher, Catalogue catalogue) {
    super(matcher, SourceSyntax.owning("rust/source", Language.RUST,
        SourceSyntax.endingWith(".rs"), Grammar.RUST, catalogue,
        (tree, owned) -> new RustExtractor(tree, owned).facts()).withRepair(RawBorrowRepair::repair));
  }
}
