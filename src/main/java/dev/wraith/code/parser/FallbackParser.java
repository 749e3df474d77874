package dev.wraith.code.parser;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSLanguage;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterCSharp;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJava;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterKotlin;
import org.treesitter.TreeSitterPhp;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterRuby;
import org.treesitter.TreeSitterRust;
import org.treesitter.TreeSitterTsx;
import org.treesitter.TreeSitterTypescript;

/**
 * The fallback backend, for platforms where the native library could not be built: the bonede tree-sitter JNI
 * binding and its prebuilt grammars (debug builds, several JNI calls per node: correct, several times slower).
 * It builds the same {@link NodeTable} as the native backend, from the file's UTF-8 bytes (not from a Java
 * string, whose modified UTF-8 would shift offsets after every supplementary character).
 */
public final class FallbackParser implements ParserBackend {
  static final String BINDING = "bonede tree-sitter 0.26.6 JNI";

  private final Map<Grammar, TSLanguage> languages = new EnumMap<>(Grammar.class);
  private final Map<Grammar, Vocabulary> vocabularies = new EnumMap<>(Grammar.class);
  private final ThreadLocal<Map<Grammar, TSParser>> parsers = ThreadLocal.withInitial(() -> new EnumMap<>(Grammar.class));

  FallbackParser() {
    for (Grammar g : Grammar.values()) {
      TSLanguage l = language(g);
      languages.put(g, l);
      List<String> types = new ArrayList<>();
      for (int s = 0; s < l.symbolCount(); s++) types.add(l.symbolName(s));
      types.add("ERROR");
      List<String> fields = new ArrayList<>();
      fields.add("");
      for (int f = 1; f <= l.fieldCount(); f++) fields.add(l.fieldNameForId(f));
      vocabularies.put(g, new Vocabulary(types, fields));
    }
  }

  @Override
  public NodeTable parse(Grammar grammar, byte[] utf8, int length, Limits limits) {
    Vocabulary v = vocabularies.get(grammar);
    byte[] source = java.util.Arrays.copyOf(utf8, length);
    int cut = NestingCut.apply(source, length, limits.maxBrackets(), grammar) ? NodeTable.NESTING_CUT : 0;
    long deadline = System.nanoTime() + limits.timeoutMillis() * 1_000_000;
    TSParser parser = parser(grammar);
    TSTree tree = parser.parseWithOptions(new byte[64 * 1024], null, (buf, offset, point) -> {
      int n = Math.max(0, Math.min(buf.length, length - offset));
      System.arraycopy(source, offset, buf, 0, n);
      return n;
    }, TSInputEncoding.TSInputEncodingUTF8, state -> System.nanoTime() > deadline);
    if (tree == null) {
      parser.reset();
      return NodeTable.empty(NodeTable.TIMED_OUT | cut, v);
    }
    try {
      int errorSymbol = languages.get(grammar).symbolCount();
      int[] words = FallbackTable.build(tree.getRootNode(), errorSymbol, limits);
      words[0] |= cut;
      return new NodeTable(words, v);
    } finally {
      tree.close();
    }
  }

  @Override
  public String description() {
    return "fallback (" + BINDING + "; slower)";
  }

  /** This thread's parser for the grammar, made on first use (a TSParser is not thread-safe). */
  private TSParser parser(Grammar g) {
    return parsers.get().computeIfAbsent(g, k -> {
      TSParser p = new TSParser();
      p.setLanguage(languages.get(k));
      return p;
    });
  }

  static TSLanguage language(Grammar g) {
    return switch (g) {
      case PYTHON -> new TreeSitterPython();
      case JAVASCRIPT -> new TreeSitterJavascript();
      case TYPESCRIPT -> new TreeSitterTypescript();
      case TSX -> new TreeSitterTsx();
      case GO -> new TreeSitterGo();
      case JAVA -> new TreeSitterJava();
      case C_SHARP -> new TreeSitterCSharp();
      case KOTLIN -> new TreeSitterKotlin();
      case RUBY -> new TreeSitterRuby();
      case PHP -> new TreeSitterPhp();
      case RUST -> new TreeSitterRust();
    };
  }
}
