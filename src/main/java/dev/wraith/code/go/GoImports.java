package dev.wraith.code.go;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A Go file's package names: which import path a selector root such as {@code openai} in
 * {@code openai.NewClient} stands for.
 *
 * <p>An explicit alias ({@code oa "github.com/sashabaranov/go-openai"}) always resolves. Without one, the
 * package name is declared inside the imported package and is not always the last path element, so it is
 * guessed: the last element that is not a major-version suffix ({@code /v2}), without a {@code .vN} suffix
 * and the usual {@code go-}, {@code -go} and {@code -sdk} affixes ({@code go-openai} → {@code openai},
 * {@code anthropic-sdk-go} → {@code anthropic}). A guess is used only for paths a catalogue signature owns,
 * and a guess two imports share resolves to neither.
 */
final class GoImports {
  private static final Pattern MAJOR_VERSION = Pattern.compile("v[0-9]+");

  private final Predicate<String> owned;
  private final Map<String, String> aliases = new HashMap<>();
  private final Map<String, String> guessed = new HashMap<>();
  private final Set<String> ambiguous = new HashSet<>();

  GoImports(Predicate<String> owned) {
    this.owned = owned;
  }

  /** Records one import spec; {@code alias} is null when absent, "." or "_" for dot and blank imports. */
  void add(String path, String alias) {
    if (alias != null) {
      if (!alias.equals(".") && !alias.equals("_")) aliases.put(alias, path);
      return;
    }
    if (!owned.test(path)) return;
    String name = defaultName(path);
    if (name.isEmpty() || ambiguous.contains(name)) return;
    if (guessed.containsKey(name) && !guessed.get(name).equals(path)) {
      guessed.remove(name);
      ambiguous.add(name);
    } else {
      guessed.put(name, path);
    }
  }

  /** The import path a package identifier stands for, or null. */
  String path(String packageName) {
    String p = aliases.get(packageName);
    return p != null ? p : guessed.get(packageName);
  }

  static String defaultName(String path) {
    String[] parts = path.split("/", -1);
    int i = parts.length - 1;
    if (i > 0 && MAJOR_VERSION.matcher(parts[i]).matches()) i--;
    String name = parts[i].replaceFirst("\\.v[0-9]+$", "");
    if (name.startsWith("go-")) name = name.substring(3);
    if (name.endsWith("-go")) name = name.substring(0, name.length() - 3);
    if (name.endsWith("-sdk")) name = name.substring(0, name.length() - 4);
    return name.replace("-", "").replace(".", "");
  }
}
