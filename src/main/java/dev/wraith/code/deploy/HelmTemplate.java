package dev.wraith.code.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a Helm template parseable as YAML without rendering it: a line holding only actions
 * ({@code {{- if ...}}}, {@code {{ include ... | nindent 4 }}}) becomes blank, an action inside a value becomes
 * a placeholder, {@code $(values.image.repository)} when it reads a value and {@code $(tpl)} otherwise. Line
 * numbers are preserved, so findings still point into the template. Both branches of conditionals are kept.
 */
final class HelmTemplate {
  /** Every placeholder starts with this. */
  static final String PLACEHOLDER = "$(";
  private static final Pattern COMMENT = Pattern.compile("\\{\\{-?\\s*/\\*.*?\\*/\\s*-?}}", Pattern.DOTALL);
  private static final Pattern ACTION = Pattern.compile("\\{\\{-?(.*?)-?}}", Pattern.DOTALL);
  private static final Pattern ONLY_ACTIONS = Pattern.compile("\\s*(\\{\\{.*?}}\\s*)+");
  private static final Pattern VALUES_REF = Pattern.compile("\\.Values((?:\\.[A-Za-z0-9_]+)+)");

  private HelmTemplate() {}

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
    String s = blankKeepingLines(COMMENT, text);
    String[] lines = s.split("\n", -1);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) out.append('\n');
      out.append(ONLY_ACTIONS.matcher(lines[i]).matches() ? "" : lines[i]);
    }
    Matcher m = ACTION.matcher(out);
    StringBuilder b = new StringBuilder();
    while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(placeholder(m.group(1)) + newlines(m.group())));
    m.appendTail(b);
    return b.toString();
  }

  private static String placeholder(String action) {
    Matcher v = VALUES_REF.matcher(action);
    return PLACEHOLDER + (v.find() ? "values" + v.group(1) : "tpl") + ")";
  }

  private static String blankKeepingLines(Pattern p, String text) {
    Matcher m = p.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(newlines(m.group())));
    m.appendTail(b);
    return b.toString();
  }

  private static String newlines(String s) {
    return "\n".repeat((int) s.chars().filter(c -> c == '\n').count());
  }
}
