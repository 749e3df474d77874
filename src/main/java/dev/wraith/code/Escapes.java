package dev.wraith.code;

import java.util.HashMap;
import java.util.Map;

/**
 * The escape sequences a language's string literals decode, as a table from the sequence as written
 * ({@code \n}) to its text. {@link #COMMON} holds the ones every grammar wraith reads spells the same way; each
 * language adds its own. A sequence missing from the table stays as written. Immutable.
 */
public record Escapes(Map<String, String> table) {
  /** {@code \n}, {@code \t}, {@code \"}, {@code \'} and {@code \\}. */
  public static final Escapes COMMON = new Escapes(Map.of("\\n", "\n", "\\t", "\t", "\\\"", "\"", "\\'", "'", "\\\\", "\\"));

  public Escapes {
    table = Map.copyOf(table);
  }

  /** This table plus one sequence. */
  public Escapes with(String escape, String text) {
    Map<String, String> more = new HashMap<>(table);
    more.put(escape, text);
    return new Escapes(more);
  }

  /** The text of one escape sequence, or the sequence itself when the language does not decode it. */
  public String decode(String escape) {
    return table.getOrDefault(escape, escape);
  }
}
