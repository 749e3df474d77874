package dev.wraith.redact;

import dev.wraith.catalogue.SecretRules;
import dev.wraith.catalogue.SecretRules.TokenRule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules that need no notion of words, applied to a whole text in order: token shapes and private key blocks, URLs
 * ({@link UrlPass}), secret headers to the end of their value, and key-like assignments in any of the common syntaxes
 * ({@code KEY=X}, {@code --key=X}, {@code "apiKey": "X"}, {@code api_key: X}, {@code ;AccountKey=X;}). Each step leaves
 * its own output unchanged, which makes the whole idempotent.
 */
final class TextPass {
  /** A name, its optional closing quote and the separator; the value after it is read by hand (linear time). */
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.-]{0,100})([\"']?)([ \\t]*[:=][ \\t]*)");
  /** What ends a bare value: blanks, quotes and the punctuation around assignments in lists, maps and code. */
  private static final String BARE_END = "\"',;&|)}]>";
  private static final Pattern HEADER_START = Pattern.compile("(?i)(?<![A-Za-z0-9_-])([A-Za-z][A-Za-z0-9-]{0,60})([\"']?)([ \\t]*:[ \\t]*)");
  private static final int MAX_REGEX_INPUT = 1 << 20;

  private final SecretRules rules;
  private final UrlPass urls = new UrlPass();
  /** Every token rule's anchors by their first character, so one pass over a text tells which rules may match. */
  private final Map<Character, List<Anchor>> anchors = new HashMap<>();

  private record Anchor(String text, int rule) {}

  TextPass(SecretRules rules) {
    this.rules = rules;
    for (int i = 0; i < rules.tokens().size(); i++) {
      for (String a : rules.tokens().get(i).anchors()) anchors.computeIfAbsent(a.charAt(0), c -> new ArrayList<>()).add(new Anchor(a, i));
    }
  }

  String apply(String text) {
    if (text.length() > MAX_REGEX_INPUT) return Redactor.MASK; // no single value that long is worth its time or risk
    String s = tokens(text);
    s = urls.apply(s);
    if (s.indexOf(':') >= 0) s = headers(s);
    if (s.indexOf('=') >= 0 || s.indexOf(':') >= 0) s = assignments(s);
    return s;
  }

  boolean keyLike(String name) {
    return rules.keyNames().keyLike(name);
  }

  boolean isReference(String value) {
    return rules.keyNames().isReference(value);
  }

  private String tokens(String text) {
    BitSet candidates = null;
    for (int i = 0; i < text.length(); i++) {
      List<Anchor> starting = anchors.get(text.charAt(i));
      if (starting == null) continue;
      for (Anchor a : starting) {
        if (text.startsWith(a.text(), i)) {
          if (candidates == null) candidates = new BitSet();
          candidates.set(a.rule());
        }
      }
    }
    if (candidates == null) return text;
    String s = text;
    for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
      TokenRule rule = rules.tokens().get(r);
      s = rule.pattern().matcher(s).replaceAll(Redactor.MASK);
    }
    return s;
  }

  /**
   * {@code Authorization: Bearer X} and {@code Cookie: a=1; b=2}: the value runs to the end of the line, or to the
   * closing quote when the value or the name is quoted ({@code -H "Authorization: Bearer X"}, JSON).
   */
  private String headers(String text) {
    Matcher m = HEADER_START.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (m.find()) {
      if (m.start() < copied || !rules.headers().contains(m.group(1).toLowerCase(Locale.ROOT))) continue;
      int start = m.end();
      char open = start < text.length() && isQuote(text.charAt(start)) ? text.charAt(start)
          : m.start() > 0 && isQuote(text.charAt(m.start() - 1)) ? text.charAt(m.start() - 1) : 0;
      if (open != 0 && start < text.length() && text.charAt(start) == open) start++;
      int end = start;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r'
          && (open == 0 || text.charAt(end) != open)) end++;
      // an unclosed value ends before stray quotes and trailing blanks
      while (end > start && (isQuote(text.charAt(end - 1)) || Character.isWhitespace(text.charAt(end - 1)))) end--;
      if (end == start || text.startsWith(Redactor.MASK, start)) continue; // masked before (at its source)
      if (out == null) out = new StringBuilder(text.length());
      out.append(text, copied, start).append(Redactor.MASK);
      copied = end;
    }
    if (out == null) return text;
    return out.append(text, copied, text.length()).toString();
  }

  /** Key-like name, separator, value: the value becomes *** unless it only says where a secret is ($X, process.env.X). */
  private String assignments(String text) {
    Matcher m = ASSIGNMENT.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      from = m.end(); // the value may hold a name of its own, so a name that is not key-like moves on by itself only
      if (!keyLike(m.group(1))) continue;
      int[] value = value(text, m.end());
      if (value[0] < copied || !masks(text, m, value)) continue;
      if (out == null) out = new StringBuilder(text.length());
      out.append(text, copied, value[0]).append(Redactor.MASK);
      copied = value[1];
      from = Math.max(from, value[1]);
    }
    if (out == null) return text;
    return out.append(text, copied, text.length()).toString();
  }

  /** [start, end) of the value at {@code at}: inside its quotes when quoted (on one line), else up to a delimiter. */
  private static int[] value(String text, int at) {
    if (at < text.length() && isQuote(text.charAt(at))) {
      char q = text.charAt(at);
      int end = at + 1;
      while (end < text.length() && text.charAt(end) != q && text.charAt(end) != '\n') end++;
      if (end < text.length() && text.charAt(end) == q) return new int[] {at + 1, end};
    }
    int end = at;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && BARE_END.indexOf(text.charAt(end)) < 0) end++;
    return new int[] {at, end};
  }

  private boolean masks(String text, Matcher m, int[] at) {
    String value = text.substring(at[0], at[1]);
    if (value.isEmpty() || value.startsWith(Redactor.MASK) || isReference(value)) return false; // masked before (URL pass)
    if (m.group(3).contains(":") && value.startsWith("//")) return false; // a URL's scheme, not a name
    boolean bare = at[0] == m.end();
    // code: api_key=get_key(...), token=cfg["token"]
    return !bare || at[1] >= text.length() || (text.charAt(at[1]) != '(' && text.charAt(at[1]) != '[');
  }

  static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }
}
