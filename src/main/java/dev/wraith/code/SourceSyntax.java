package dev.wraith.code;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.catalogue.Signature;
import dev.wraith.code.parser.Grammar;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The per-language part of a {@link SourceDetector}: its plugin id, the {@link Language} its facts are matched as
 * (whose ecosystem is also the prefilter's), which file names it reads, the grammar a file is parsed with, and
 * the language's extractor, and its {@link Repair} of a parse with syntax errors (none for most languages).
 *
 * @param id stable plugin id, {@code language/source}
 * @param grammar the grammar for a file's path (TypeScript's {@code .tsx} needs its own)
 * @param extractor a pure function of the parsed file, safe to call from several threads
 * @param repair asked only about a tree with syntax errors; a pure function, safe to call from several threads
 */
public record SourceSyntax(String id, Language language, Predicate<String> accepts, Function<String, Grammar> grammar,
    Function<SyntaxTree, SourceFacts> extractor, Repair repair) {

  /**
   * A language's second reading of a file whose first parse had syntax errors, for a grammar's known false errors
   * on valid code: it returns the tree to read, {@code parsed} itself when it cannot do better. A tree it returns
   * must have the same lines and columns as the file; its byte offsets and node texts are those of the bytes it
   * parsed (the tree holds them), which may differ from the file's after a line's last token (Python's repair
   * inserts a backslash before a line end). No extractor compares a tree's offsets with the file's bytes.
   */
  @FunctionalInterface
  public interface Repair {
    Repair NONE = (grammar, utf8, parsed) -> parsed;

    SyntaxTree repair(Grammar grammar, byte[] utf8, SyntaxTree parsed);
  }

  /** A language whose grammar needs no repair. */
  public SourceSyntax(String id, Language language, Predicate<String> accepts, Function<String, Grammar> grammar,
      Function<SyntaxTree, SourceFacts> extractor) {
    this(id, language, accepts, grammar, extractor, Repair.NONE);
  }

  /** A language parsed with one grammar whatever the file's name. */
  public SourceSyntax(String id, Language language, Predicate<String> accepts, Grammar grammar,
      Function<SyntaxTree, SourceFacts> extractor) {
    this(id, language, accepts, path -> grammar, extractor);
  }

  /** This language with a repair of parses with syntax errors. */
  public SourceSyntax withRepair(Repair r) {
    return new SourceSyntax(id, language, accepts, grammar, extractor, r);
  }

  /** A file's tree: parsed with its grammar, and handed to the repair only when it has syntax errors. */
  public SyntaxTree parse(String path, byte[] utf8) {
    Grammar g = grammar.apply(path);
    SyntaxTree tree = SyntaxTree.parse(g, utf8);
    return tree.hasErrors() ? repair.repair(g, utf8, tree) : tree;
  }

  /** Paths that end with one of the suffixes. */
  public static Predicate<String> endingWith(String... suffixes) {
    String[] all = suffixes.clone();
    return path -> {
      for (String s : all) if (path.endsWith(s)) return true;
      return false;
    };
  }

  /**
   * A language whose extractor must know which modules the catalogue's signatures of the language's ecosystem own
   * (to tell AI imports from others before it resolves names).
   */
  public static SourceSyntax owning(String id, Language language, Predicate<String> accepts, Grammar grammar,
      Catalogue catalogue, BiFunction<SyntaxTree, Predicate<String>, SourceFacts> extractor) {
    Predicate<String> owned = ownedModules(catalogue, language.ecosystem());
    return new SourceSyntax(id, language, accepts, grammar, tree -> extractor.apply(tree, owned));
  }

  /**
   * Whether some catalogue signature of the ecosystem owns a module path (for extractors that must tell AI
   * imports from others before they resolve names); the signatures are chosen once, here.
   */
  private static Predicate<String> ownedModules(Catalogue catalogue, Ecosystem ecosystem) {
    List<Signature> signatures = catalogue.signatures().stream().filter(s -> s.ecosystem() == ecosystem).toList();
    return module -> {
      for (Signature s : signatures) if (s.ownsModule(module)) return true;
      return false;
    };
  }
}
