package dev.wraith.code.parser;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The native backend: libwraith-ts (tree-sitter core and grammars compiled with wraith at -O2 -DNDEBUG, see
 * src/main/c). One JNI call per file returns the whole node table; the vocabularies are read once per process.
 */
public final class NativeParser implements ParserBackend {
  private final Map<Grammar, Integer> nativeIndex = new EnumMap<>(Grammar.class);
  private final Map<Grammar, Vocabulary> vocabularies = new EnumMap<>(Grammar.class);
  private final String build;

  /** Binds to the already loaded library; fails when it lacks one of wraith's grammars. */
  NativeParser() {
    List<String> names = Vocabulary.split(grammars());
    for (Grammar g : Grammar.values()) {
      int i = names.indexOf(g.id());
      if (i < 0) throw new IllegalStateException("the native parser library has no " + g.id() + " grammar");
      nativeIndex.put(g, i);
      vocabularies.put(g, new Vocabulary(Vocabulary.split(names(i, 0)), Vocabulary.split(names(i, 1))));
    }
    this.build = build();
  }

  @Override
  public NodeTable parse(Grammar grammar, byte[] utf8, int length, Limits limits) {
    if (length < 0 || length > utf8.length) throw new IllegalArgumentException("length " + length + " of " + utf8.length);
    Vocabulary v = vocabularies.get(grammar);
    int[] words = parse(nativeIndex.get(grammar), utf8, length, limits.timeoutMillis() * 1000, limits.maxDepth(),
        limits.maxNodes(), limits.maxBrackets());
    return words == null ? NodeTable.empty(NodeTable.NO_MEMORY, v) : new NodeTable(words, v);
  }

  @Override
  public String description() {
    return "native -O2 (" + build + ")";
  }

  private static native String build();

  private static native byte[] grammars();

  /** kind 0: node type names by symbol, the error symbol last; kind 1: field names by id. NUL-separated UTF-8. */
  private static native byte[] names(int grammar, int kind);

  private static native int[] parse(int grammar, byte[] source, int length, long timeoutMicros, int maxDepth, int maxNodes,
      int maxBrackets);
}
