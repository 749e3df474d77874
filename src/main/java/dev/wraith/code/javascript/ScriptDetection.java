package dev.wraith.code.javascript;

import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.Language;
import dev.wraith.code.SourceFile;
import dev.wraith.code.SyntaxTree;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSParser;

/** The detection both script detectors share: parse, extract, match, and warn about undecodable bytes. */
final class ScriptDetection {
  private ScriptDetection() {}

  static Detection detect(ThreadLocal<TSParser> parser, FactMatcher matcher, Language language, SourceFile file) {
    try (SyntaxTree tree = SyntaxTree.parse(parser, file.text())) {
      Detection d = matcher.match(file.path(), language, ScriptExtractor.extract(tree));
      if (file.isValidUtf8()) return d;
      List<String> w = new ArrayList<>(d.warnings());
      w.add(file.path() + ": not valid UTF-8; undecodable bytes were replaced");
      return new Detection(d.findings(), d.deployments(), d.models(), w);
    }
  }
}
