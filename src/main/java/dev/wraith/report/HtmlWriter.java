package dev.wraith.report;

import java.util.regex.Pattern;

/**
 * Builds HTML where every piece of text and every attribute value is escaped: the inventory holds attacker-controlled
 * strings (process arguments, MCP tool descriptions, workload names), so nothing from it is ever written raw. Only
 * the report's own CSS and JavaScript, read from the jar, go through {@link #trusted}. Tag and attribute names are
 * constants in our code and are checked anyway. Text and attribute values pass the redactor first, so what a report
 * shows never depends on a collector having redacted it.
 */
final class HtmlWriter {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*(:[a-z]+)?");
  private final StringBuilder out = new StringBuilder(64 * 1024);
  private final dev.wraith.redact.Redactor redactor;

  /** @param redactor every text and attribute value goes through it before it is escaped */
  HtmlWriter(dev.wraith.redact.Redactor redactor) {
    this.redactor = redactor;
  }

  /** Opens {@code tag} with attributes given as name, value pairs; a null value omits the attribute. */
  HtmlWriter open(String tag, String... attributes) {
    out.append('<').append(name(tag));
    if (attributes.length % 2 != 0) throw new IllegalArgumentException("attributes come in name, value pairs");
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] == null) continue;
      out.append(' ').append(name(attributes[i])).append("=\"").append(escape(redactor.text(attributes[i + 1]))).append('"');
    }
    out.append('>');
    return this;
  }

  HtmlWriter close(String tag) {
    out.append("</").append(name(tag)).append('>');
    return this;
  }

  /** An element holding only text. */
  HtmlWriter element(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  HtmlWriter text(String text) {
    out.append(escape(redactor.text(text)));
    return this;
  }

  HtmlWriter newline() {
    out.append('\n');
    return this;
  }

  /** The report's own stylesheet or script, or the doctype; never inventory data. */
  HtmlWriter trusted(String markup) {
    out.append(markup);
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /**
   * Text safe in element content and quoted attribute values: the five markup characters become references, and
   * control characters (except tab and newline) and lone surrogates become U+FFFD.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c < 0xa0)) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static String name(String n) {
    if (!NAME.matcher(n).matches()) throw new IllegalArgumentException("not a tag or attribute name: " + n);
    return n;
  }
}
