package dev.wraith.code.csharp;

import dev.wraith.catalogue.Catalogue;
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
 * {@code csharp/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names in C#
 * files. Takes the catalogue's NuGet signatures to tell which using namespaces are AI ones and which names are
 * symbols (C# usings import whole namespaces, so that is how a simple type name finds its namespace).
 */
public final class CSharpDetector implements FileDetector {
  private final FactMatcher matcher;
  private final CSharpSymbols symbols;

  public CSharpDetector(FactMatcher matcher, Catalogue catalogue) {
    this.matcher = matcher;
    this.symbols = new CSharpSymbols(catalogue.signatures().stream().filter(s -> s.ecosystem() == Ecosystem.NUGET).toList());
  }

  @Override
  public String id() {
    return "csharp/source";
  }

  @Override
  public boolean accepts(String path) {
    return path.endsWith(".cs") || path.endsWith(".csx");
  }

  @Override
  public Optional<Ecosystem> triggerEcosystem() {
    return Optional.of(Ecosystem.NUGET);
  }

  @Override
  public Detection detect(SourceFile file) {
    SyntaxTree tree = SyntaxTree.parse(Grammar.C_SHARP, file.bytes());
    return matcher.match(file.path(), Language.CSHARP, CSharpExtractor.extract(tree, symbols))
        .withWarnings(tree.warnings(file.path())).withEncodingWarning(file);
  }
}
