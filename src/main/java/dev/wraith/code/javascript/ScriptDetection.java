package dev.wraith.code.javascript;

import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.Language;
import dev.wraith.code.SourceFile;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.parser.Grammar;

/** The detection both script detectors share: parse, extract, match, and warn about undecodable bytes. */
final class ScriptDetection {
  private ScriptDetection() {}

  static Detection detect(Grammar grammar, FactMatcher matcher, Language language, SourceFile file) {
    SyntaxTree tree = SyntaxTree.parse(grammar, file.bytes());
    return matcher.match(file.path(), language, ScriptExtractor.extract(tree))
        .withWarnings(tree.warnings(file.path())).withEncodingWarning(file);
  }
}
