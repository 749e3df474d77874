package dev.wraith.code;

import dev.wraith.catalogue.Ecosystem;
import java.util.Optional;

/**
 * The one skeleton of the tree-sitter source detectors: parse the file with its language's grammar, extract
 * language-neutral {@link SourceFacts}, match them against the catalogue, and add the parser's warnings (a limit
 * that cut the tree short) and the decoder's (undecodable bytes). Everything that differs between languages is the
 * {@link SourceSyntax} a subclass hands over; subclasses add nothing else. Source files are handed over only when
 * they hold a trigger token of the language's ecosystem.
 */
public abstract class SourceDetector extends PathDetector {
  private final FactMatcher matcher;
  private final SourceSyntax syntax;

  protected SourceDetector(FactMatcher matcher, SourceSyntax syntax) {
    super(syntax.id(), syntax.accepts());
    this.matcher = matcher;
    this.syntax = syntax;
  }

  @Override
  public final Optional<Ecosystem> triggerEcosystem() {
    return Optional.of(syntax.language().ecosystem());
  }

  @Override
  public final Detection detect(SourceFile file) {
    SyntaxTree tree = syntax.parse(file.path(), file.bytes());
    return matcher.match(file.path(), syntax.language(), syntax.extractor().apply(tree))
        .withWarnings(tree.warnings(file.path())).withEncodingWarning(file);
  }
}
