package dev.wraith.code.go;

import java.util.Optional;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.catalogue.Signature;
import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FileDetector;
import dev.wraith.code.Language;
import dev.wraith.code.SourceFile;
import dev.wraith.code.SyntaxTree;
import java.util.List;
import dev.wraith.code.parser.Grammar;

/**
 * {@code go/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names in
 * Go files. Takes the catalogue's Go signatures to decide which imports may have their package name guessed.
 */
public final class GoDetector implements FileDetector {
  private final FactMatcher matcher;
  private final List<Signature> signatures;

  public GoDetector(FactMatcher matcher, Catalogue catalogue) {
    this.matcher = matcher;
    this.signatures = catalogue.signatures().stream().filter(s -> s.ecosystem() == Ecosystem.GO).toList();
  }

  @Override
  public String id() {
    return "go/source";
  }

  @Override
  public boolean accepts(String path) {
    return path.endsWith(".go");
  }

  @Override
  public Optional<Ecosystem> triggerEcosystem() {
    return Optional.of(Ecosystem.GO);
  }

  @Override
  public Detection detect(SourceFile file) {
    SyntaxTree tree = SyntaxTree.parse(Grammar.GO, file.bytes());
    return matcher.match(file.path(), Language.GO, GoExtractor.extract(tree, this::owned))
        .withWarnings(tree.warnings(file.path())).withEncodingWarning(file);
  }

  private boolean owned(String path) {
    for (Signature s : signatures) if (s.ownsModule(path)) return true;
    return false;
  }
}
