package dev.wraith.code.rust;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.catalogue.Signature;
import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FileDetector;
import dev.wraith.code.Language;
import dev.wraith.code.SourceFile;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.parser.Grammar;
import java.util.List;
import java.util.Optional;

/**
 * {@code rust/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names in Rust
 * files, matched against the catalogue's Cargo signatures (whose modules are crate names as code writes them).
 */
public final class RustDetector implements FileDetector {
  private final FactMatcher matcher;
  private final List<Signature> signatures;

  public RustDetector(FactMatcher matcher, Catalogue catalogue) {
    this.matcher = matcher;
    this.signatures = catalogue.signatures().stream().filter(s -> s.ecosystem() == Ecosystem.CARGO).toList();
  }

  @Override
  public String id() {
    return "rust/source";
  }

  @Override
  public boolean accepts(String path) {
    return path.endsWith(".rs");
  }

  @Override
  public Optional<Ecosystem> triggerEcosystem() {
    return Optional.of(Ecosystem.CARGO);
  }

  @Override
  public Detection detect(SourceFile file) {
    SyntaxTree tree = SyntaxTree.parse(Grammar.RUST, file.bytes());
    return matcher.match(file.path(), Language.RUST, RustExtractor.extract(tree, this::owned))
        .withWarnings(tree.warnings(file.path())).withEncodingWarning(file);
  }

  private boolean owned(String name) {
    for (Signature s : signatures) if (s.ownsModule(name)) return true;
    return false;
  }
}
