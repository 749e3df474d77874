package dev.wraith.code.ruby;

import dev.wraith.code.FactMatcher;
import dev.wraith.code.Language;
import dev.wraith.code.SourceDetector;
import dev.wraith.code.SourceSyntax;
import dev.wraith.code.parser.Grammar;

/**
 * {@code ruby/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names in Ruby
 * files. Ruby code seldom requires its gems (Bundler does), so calls are named by the constants they are written
 * with, which the catalogue's RubyGems signatures own next to their require names.
 */
public final class RubyDetector extends SourceDetector {
  public RubyDetector(FactMatcher matcher) {
    super(matcher, new SourceSyntax("ruby/source", Language.RUBY,
        SourceSyntax.endingWith(".rb", ".rake"), Grammar.RUBY, tree -> new RubyExtractor(tree).facts()));
  }
}
