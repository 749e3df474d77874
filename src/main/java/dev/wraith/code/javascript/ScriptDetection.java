package dev.wraith.code.javascript;

import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.Language;
import dev.wraith.code.SourceFile;
import dev.wraith.code.SyntaxTree;
import org.treesitter.TSParser;

/** The detection both script detectors share: parse, extract, match, and warn about undecodable bytes. */
final class ScriptDetection {
  private ScriptDetection() {}

  static Detection detect(ThreadLocal<TSParser> parser, FactMatcher matcher, Language language, SourceFile file) {
    try (SyntaxTree tree = SyntaxTree.parse(parser, file.text())) {
      return matcher.match(file.path(), language, ScriptExtractor.extract(tree)).withEncodingWarning(file);
    }
  }
}
