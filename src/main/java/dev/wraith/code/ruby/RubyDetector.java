package dev.wraith.code.ruby;

import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FileDetector;
import dev.wraith.code.Language;
import dev.wraith.code.SourceFile;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.parser.Grammar;
import java.util.Optional;

/**
 * {@code ruby/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names in Ruby
 * files. Ruby code seldom requires its gems (Bundler does), so calls are named by the constants they are written
 * with, which the catalogue's RubyGems signatures own next to their require names.
 */
public final class RubyDetector implements FileDetector {
  private final FactMatcher matcher;

  public RubyDetector(FactMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public String id() {
    return "ruby/source";
  }

  @Override
  public boolean accepts(String path) {
    return path.endsWith(".rb") || path.endsWith(".rake");
  }

  @Override
  public Optional<Ecosystem> triggerEcosystem() {
    return Optional.of(Ecosystem.RUBYGEMS);
  }

  @Override
  public Detection detect(SourceFile file) {
    SyntaxTree tree = SyntaxTree.parse(Grammar.RUBY, file.bytes());
    return matcher.match(file.path(), Language.RUBY, RubyExtractor.extract(tree))
        .withWarnings(tree.warnings(file.path())).withEncodingWarning(file);
  }
}
