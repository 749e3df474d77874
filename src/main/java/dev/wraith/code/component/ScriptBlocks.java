package dev.wraith.code.component;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code of a component as one text the size of the component: script block bodies (and Astro frontmatter) where
 * they are, every other character but line breaks replaced by a space, so positions carry over unchanged.
 */
final class ScriptBlocks {
  private static final Pattern OPEN = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLOSE = Pattern.compile("</script\\s*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern LANG = Pattern.compile("\\blang\\s*=\\s*[\"']?([A-Za-z]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern TYPE = Pattern.compile("\\btype\\s*=\\s*[\"']?([^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SRC = Pattern.compile("\\bsrc\\s*=", Pattern.CASE_INSENSITIVE);
  private static final Pattern FRONTMATTER = Pattern.compile("\\A\\s*---[ \\t]*\\r?\\n(.*?)\\r?\\n---[ \\t]*(\\r?\\n|\\z)", Pattern.DOTALL);

  private final char[] text;
  private boolean any;
  private boolean typescript;
  private boolean tsx;

  private ScriptBlocks(String source) {
    text = new char[source.length()];
    for (int i = 0; i < text.length; i++) text[i] = source.charAt(i) == '\n' || source.charAt(i) == '\r' ? source.charAt(i) : ' ';
  }

  static ScriptBlocks of(String source, boolean frontmatter) {
    ScriptBlocks b = new ScriptBlocks(source);
    if (frontmatter) {
      Matcher f = FRONTMATTER.matcher(source);
      if (f.find()) b.copy(source, f.start(1), f.end(1), "ts");
    }
    String masked = blankComments(source);
    Matcher open = OPEN.matcher(masked);
    int from = 0;
    while (from < masked.length() && open.find(from)) {
      Matcher close = CLOSE.matcher(masked);
      int bodyStart = open.end();
      int bodyEnd = close.find(bodyStart) ? close.start() : masked.length();
      String attrs = open.group(1);
      if (isCode(attrs)) {
        Matcher lang = LANG.matcher(attrs);
        b.copy(source, bodyStart, bodyEnd, lang.find() ? lang.group(1).toLowerCase(Locale.ROOT) : "js");
      }
      from = Math.max(bodyEnd, bodyStart + 1);
    }
    return b;
  }

  boolean isEmpty() {
    return !any;
  }

  /** The file extension of the detector that reads the blocks: ".tsx" for TSX, ".ts" for TypeScript, else ".js" (JSX too). */
  String extension() {
    return tsx ? ".tsx" : typescript ? ".ts" : ".js";
  }

  String text() {
    return new String(text);
  }

  private void copy(String source, int from, int to, String lang) {
    for (int i = from; i < to; i++) text[i] = source.charAt(i);
    any |= to > from;
    typescript |= lang.equals("ts") || lang.equals("typescript") || lang.equals("tsx");
    tsx |= lang.equals("tsx");
  }

  /** Scripts without {@code src} whose type, if any, is JavaScript or a module. */
  private static boolean isCode(String attrs) {
    if (SRC.matcher(attrs).find()) return false;
    Matcher type = TYPE.matcher(attrs);
    if (!type.find()) return true;
    String t = type.group(1).toLowerCase(Locale.ROOT);
    return t.equals("module") || t.contains("javascript") || t.contains("typescript") || t.equals("text/babel");
  }

  /** HTML comments replaced by spaces (same length), so a commented-out script is not code. */
  private static String blankComments(String source) {
    Matcher m = COMMENT.matcher(source);
    if (!m.find()) return source;
    StringBuilder b = new StringBuilder(source);
    do {
      for (int i = m.start(); i < m.end(); i++) if (b.charAt(i) != '\n') b.setCharAt(i, ' ');
    } while (m.find());
    return b.toString();
  }
}
