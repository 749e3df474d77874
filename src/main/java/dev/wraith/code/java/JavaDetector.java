package dev.wraith.code.java;

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
 * {@code java/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names
 * in Java files. Takes the catalogue's Maven signatures to decide which on-demand imports may resolve names.
 */
public final class JavaDetector implements FileDetector {
  private final FactMatcher matcher;
  private final List<Signature> signatures;

  public JavaDetector(FactMatcher matcher, Catalogue catalogue) {
    this.matcher = matcher;
    this.signatures = catalogue.signatures().stream().filter(s -> s.ecosystem() == Ecosystem.MAVEN).toList();
  }

  @Override
  public String id() {
    return "java/source";
  }

  @Override
  public boolean accepts(String path) {
    return path.endsWith(".java");
  }

  @Override
  public Optional<Ecosystem> triggerEcosystem() {
    return Optional.of(Ecosystem.MAVEN);
  }

  @Override
  public Detection detect(SourceFile file) {
    SyntaxTree tree = SyntaxTree.parse(Grammar.JAVA, file.bytes());
    return matcher.match(file.path(), Language.JAVA, JavaExtractor.extract(tree, this::owned))
        .withWarnings(tree.warnings(file.path())).withEncodingWarning(file);
  }

  private boolean owned(String name) {
    for (Signature s : signatures) if (s.ownsModule(name)) return true;
    return false;
  }
}
