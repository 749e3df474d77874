package dev.wraith.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs anywhere in a text keep scheme, host, port and path; user-info becomes {@code ***@}, every query value and
 * every fragment value ({@code #access_token=X}) becomes {@code ***} with its name kept. Covers {@code git+https},
 * {@code git+ssh}, database URLs and tarball links, and the scheme-less {@code user:password@host} form (but not
 * {@code git@host:path} or an image's {@code name:tag@sha256:...}).
 */
final class UrlPass {
  /**
   * A scheme may start anywhere a letter does, even inside a longer word ({@code 0.28.0+git.https://u:p@host}, a
   * version that embeds a URL): a scheme too long or oddly prefixed to be one still has its URL masked.
   */
  private static final Pattern URL = Pattern.compile(
      "([A-Za-z][A-Za-z0-9+.-]{0,30}://)([^\\s\"'<>`|\\\\{}]*)");
  private static final Pattern BARE_USERINFO = Pattern.compile(
      "(?<![A-Za-z0-9._%+:/@-])[A-Za-z0-9._%+-]{1,64}:[^\\s/@:\"']{1,256}@(?!sha\\d{1,3}:)(?=[A-Za-z0-9.-]+)");

  String apply(String text) {
    String s = text;
    if (s.contains("://")) s = urls(s);
    if (s.indexOf('@') > 0 && s.indexOf(':') >= 0) s = bareUserinfo(s);
    return s;
  }

  /** {@code user:password@host} → {@code ***@host}; a password that already holds *** was masked before. */
  private static String bareUserinfo(String text) {
    Matcher m = BARE_USERINFO.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (m.find()) {
      if (m.group().contains(Redactor.MASK)) continue;
      if (out == null) out = new StringBuilder(text.length());
      out.append(text, copied, m.start()).append(Redactor.MASK).append('@');
      copied = m.end();
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static String urls(String text) {
    Matcher m = URL.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    while (m.find()) {
      out.append(text, copied, m.start(2)).append(rest(m.group(2)));
      copied = m.end();
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** Everything after {@code scheme://}. */
  private static String rest(String r) {
    int authorityEnd = firstOf(r, "/?#", 0);
    String authority = r.substring(0, authorityEnd);
    int at = authority.lastIndexOf('@');
    // "[user@]host": a usage hint's optional part, not user-info ('[' can only open an IP literal, ']' never follows '@')
    if (at > 0 && authority.charAt(0) == '[' && at + 1 < authority.length() && authority.charAt(at + 1) == ']') at = -1;
    StringBuilder b = new StringBuilder(r.length());
    b.append(at >= 0 ? Redactor.MASK + authority.substring(at) : authority);
    int fragment = r.indexOf('#', authorityEnd);
    int query = r.indexOf('?', authorityEnd);
    if (fragment >= 0 && query > fragment) query = -1; // a '?' in the fragment is the fragment's
    int pathEnd = query >= 0 ? query : fragment >= 0 ? fragment : r.length();
    b.append(r, authorityEnd, pathEnd);
    if (query >= 0) {
      int qEnd = fragment > query ? fragment : r.length();
      b.append('?').append(values(r.substring(query + 1, qEnd), true));
      if (fragment > query) b.append('#').append(values(r.substring(fragment + 1), false));
    } else if (fragment >= 0) {
      b.append('#').append(values(r.substring(fragment + 1), false));
    }
    return b.toString();
  }

  /**
   * {@code a=1&b=2} → {@code a=***&b=***}. A query part without '=' is masked whole; a fragment without '=' is an
   * anchor ({@code #readme}) and stays.
   */
  private static String values(String part, boolean query) {
    if (!query && part.indexOf('=') < 0) return part;
    StringBuilder b = new StringBuilder(part.length());
    int start = 0;
    for (int i = 0; i <= part.length(); i++) {
      if (i < part.length() && part.charAt(i) != '&' && part.charAt(i) != ';') continue;
      String item = part.substring(start, i);
      int eq = item.indexOf('=');
      if (item.isEmpty()) b.append(item);
      else if (eq >= 0) b.append(item, 0, eq + 1).append(Redactor.MASK);
      else b.append(Redactor.MASK);
      if (i < part.length()) b.append(part.charAt(i));
      start = i + 1;
    }
    return b.toString();
  }

  private static int firstOf(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
    return s.length();
  }
}
