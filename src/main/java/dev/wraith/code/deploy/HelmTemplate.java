package dev.wraith.code.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a Helm template parseable as YAML without rendering it: a line holding only actions
 * ({@code {{- if ...}}}, {@code {{ include ... | nindent 4 }}}) becomes blank, an action inside a value becomes
 * a placeholder, {@code $(values.image.repository)} when it reads a value and {@code $(tpl)} otherwise. Line
 * numbers are preserved, so findings still point into the template. Both branches of conditionals are kept.
 * The scan is linear (no regex over actions), so unbalanced braces cannot make it slow.
 */
final class HelmTemplate {
  /** Every placeholder starts with this. */
  static final String PLACEHOLDER = "$(";
  /** Larger files are not treated as templates: chart templates are small. */
  static final int MAX_TEMPLATE_CHARS = 512 * 1024;
  private static final Pattern VALUES_REF = Pattern.compile("\\.Values((?:\\.[A-Za-z0-9_]+)+)");

  private final String text;
  private final int lastClose;

  private HelmTemplate(String text) {
    this.text = text;
    this.lastClose = text.lastIndexOf("}}");
  }

  /** Whether a file at this path is a chart template (it sits in a {@code templates/} directory). */
  static boolean isTemplatePath(String path) {
    return path.startsWith("templates/") || path.contains("/templates/");
  }

  /** The chart directory of a template path: the directory holding {@code templates/}, or "." at the root. */
  static String chartDir(String path) {
    int i = path.startsWith("templates/") ? 0 : path.lastIndexOf("/templates/");
    return i <= 0 ? "." : path.substring(0, i);
  }

  static String strip(String text) {
    return new HelmTemplate(text).strip();
  }

  private String strip() {
    StringBuilder out = new StringBuilder(text.length());
    int pos = 0;
    while (pos <= text.length()) {
      int eol = text.indexOf('\n', pos);
      int end = eol < 0 ? text.length() : eol;
      int close = onlyActions(pos, end);
      if (close >= 0) {
        out.append("\n".repeat(newlines(text, pos, close))); // a multi-line action keeps its line count
        pos = close;
        continue;
      }
      pos = inline(pos, end, out);
      if (pos >= text.length()) break;
      out.append('\n');
      pos++;
    }
    return out.toString();
  }

  /**
   * When the line starting at {@code from} holds only actions and blanks, the index just past it (its
   * newline excluded); else -1. Actions may run over several lines.
   */
  private int onlyActions(int from, int end) {
    int i = skipBlanks(text, from);
    if (!text.startsWith("{{", i)) return -1;
    while (text.startsWith("{{", i)) {
      int close = closing(i);
      if (close < 0) return -1;
      i = skipBlanks(text, close + 2);
      end = Math.max(end, close);
    }
    int eol = text.indexOf('\n', i);
    return i == text.length() || i == eol ? i : -1;
  }

  /** Copies the line [from, end) with each action replaced by its placeholder; returns where copying stopped. */
  private int inline(int from, int end, StringBuilder out) {
    int i = from;
    while (i < end) {
      int open = text.indexOf("{{", i);
      if (open < 0 || open >= end) break;
      int close = closing(open);
      if (close < 0) break;
      out.append(text, i, open).append(placeholder(text.substring(open + 2, close)));
      out.append("\n".repeat(newlines(text, open, close)));
      i = close + 2;
      end = Math.max(end, lineEnd(text, i));
    }
    int stop = Math.max(i, end);
    out.append(text, i, stop);
    return stop;
  }

  /**
   * The "}}" closing the action opened at {@code open}, or -1. An unclosed action is found without a scan
   * (nothing closes after the last "}}"), which keeps the whole strip linear.
   */
  private int closing(int open) {
    if (open + 2 > lastClose) return -1;
    return text.indexOf("}}", open + 2);
  }

  private static String placeholder(String action) {
    Matcher v = VALUES_REF.matcher(action);
    return PLACEHOLDER + (v.find() ? "values" + v.group(1) : "tpl") + ")";
  }

  private static int skipBlanks(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) i++;
    return i;
  }

  private static int lineEnd(String text, int from) {
    int eol = text.indexOf('\n', from);
    return eol < 0 ? text.length() : eol;
  }

  private static int newlines(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) if (text.charAt(i) == '\n') n++;
    return n;
  }
}
