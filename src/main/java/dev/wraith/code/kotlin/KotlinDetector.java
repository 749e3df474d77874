package dev.wraith.code.kotlin;

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
 * {@code kotlin/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names in
 * Kotlin files and scripts. Kotlin code uses Maven artifacts, so it is matched against the catalogue's Maven
 * signatures with call names formed as for Java.
 */
public final class KotlinDetector implements FileDetector {
  private final FactMatcher matcher;
  private final List<Signature> signatures;

  public KotlinDetector(FactMatcher matcher, Catalogue catalogue) {
    this.matcher = matcher;
    this.signatures = catalogue.signatures().stream().filter(s -> s.ecosystem() == Ecosystem.MAVEN).toList();
  }

  @Override
  public String id() {
    return "kotlin/source";
  }

  @Override
  public boolean accepts(String path) {
    return path.endsWith(".kt") || (path.endsWith(".kts") && !path.endsWith(".gradle.kts"));
  }

  @Override
  public Optional<Ecosystem> triggerEcosystem() {
    return Optional.of(Ecosystem.MAVEN);
  }

  @Override
  public Detection detect(SourceFile file) {
    SyntaxTree tree = SyntaxTree.parse(Grammar.KOTLIN, file.bytes());
    return matcher.match(file.path(), Language.KOTLIN, KotlinExtractor.extract(tree, this::owned))
        .withWarnings(tree.warnings(file.path())).withEncodingWarning(file);
  }

  private boolean owned(String name) {
    for (Signature s : signatures) if (s.ownsModule(name)) return true;
    return false;
  }
}
