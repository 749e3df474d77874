package dev.wraith.code.csharp;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.Language;
import dev.wraith.code.SourceDetector;
import dev.wraith.code.SourceSyntax;
import dev.wraith.code.parser.Grammar;

/**
 * {@code csharp/source}: SDK clients, agents, tools, vector stores, MCP servers, endpoints and env var names in C#
 * files. Takes the catalogue's NuGet signatures to tell which using namespaces are AI ones and which names are
 * symbols (C# usings import whole namespaces, so that is how a simple type name finds its namespace). A file with
 * syntax errors is read again with one branch of each {@code #if} group and without #368's escaped quotes
 * ({@link CSharpRepair}).
 */
public final class CSharpDetector extends SourceDetector {
  public CSharpDetector(FactMatcher matcher, Catalogue catalogue) {
    super(matcher, syntax(catalogue));
  }

  private static SourceSyntax syntax(Catalogue catalogue) {
    CSharpSymbols symbols =
        new CSharpSymbols(catalogue.signatures().stream().filter(s -> s.ecosystem() == Ecosystem.NUGET).toList());
    return new SourceSyntax("csharp/source", Language.CSHARP, SourceSyntax.endingWith(".cs", ".csx"), Grammar.C_SHARP,
        tree -> CSharpExtractor.extract(tree, symbols)).withRepair(CSharpRepair::repair);
  }
}
