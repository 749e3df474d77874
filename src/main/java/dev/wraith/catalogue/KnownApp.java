package dev.wraith.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A third-party AI application or MCP server recognised by what a container runs: its image repositories
 * (see {@link ImageName}) or its command. A command pattern is whitespace-separated tokens: the first is the
 * program (compared with the basename of an argv word), the rest must follow it in order, flags
 * ({@code -y}, {@code --yes}) in the argv being skipped; a token ending in {@code *} matches a longer word
 * with that prefix. Argv words are split on whitespace first, so {@code sh -c "npx -y pkg"} is seen too.
 */
public record KnownApp(String id, String name, Kind kind, List<String> images, List<String> commands) {
  /** What the app is. */
  public enum Kind {
    AI_APP, MCP_SERVER
  }

  public KnownApp {
    images = List.copyOf(images);
    commands = List.copyOf(commands);
  }

  /** The catalogue repository this image is in, if it is one of this app's. */
  public Optional<String> imageMatch(String image) {
    return images.stream().filter(k -> ImageName.matches(image, k)).findFirst();
  }

  /** The argv words that matched one of this app's command patterns, joined by spaces. */
  public Optional<String> commandMatch(List<String> argv) {
    List<String> words = new ArrayList<>();
    for (String a : argv) for (String w : a.trim().split("\\s+", -1)) if (!w.isEmpty()) words.add(w);
    for (String pattern : commands) {
      Optional<String> m = match(pattern.trim().split("\\s+"), words);
      if (m.isPresent()) return m;
    }
    return Optional.empty();
  }

  private static Optional<String> match(String[] pattern, List<String> words) {
    for (int start = 0; start < words.size(); start++) {
      if (!wordMatches(pattern[0], basename(words.get(start)))) continue;
      List<String> hit = new ArrayList<>(List.of(pattern[0]));
      int p = 1;
      for (int i = start + 1; i < words.size() && p < pattern.length; i++) {
        String w = words.get(i);
        if (w.startsWith("-")) continue;
        if (!wordMatches(pattern[p], w)) break;
        hit.add(w);
        p++;
      }
      if (p == pattern.length) return Optional.of(String.join(" ", hit));
    }
    return Optional.empty();
  }

  private static boolean wordMatches(String token, String word) {
    if (!token.endsWith("*")) return token.equals(word);
    String prefix = token.substring(0, token.length() - 1);
    return word.length() > prefix.length() && word.startsWith(prefix);
  }

  private static String basename(String word) {
    return word.substring(word.lastIndexOf('/') + 1);
  }
}
