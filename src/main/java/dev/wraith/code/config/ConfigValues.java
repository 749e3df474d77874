package dev.wraith.code.config;

import java.util.regex.Pattern;

/**
 * What the config detectors may decide about a value without keeping it: whether it is empty, a reference
 * ({@code ${NAME}}), a template hint ({@code your-api-key-here}, {@code <key>}, {@code xxx}), or a literal that could
 * be a real credential.
 */
final class ConfigValues {
  private static final Pattern TEMPLATE = Pattern.compile(
      "(?i).*(your|xxx|changeme|change-me|replace|placeholder|example|dummy|<|>|\\*\\*\\*|\\.\\.\\.|todo|fixme|insert|enter-|-here).*"
          + "|(?i)(test|fake|none|null|empty|demo|secret|apikey|api-key|api_key|token|key|sk-|changeit)");

  private ConfigValues() {}

  /** The value without surrounding quotes and blanks. */
  static String unquoted(String value) {
    String v = value.strip();
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
      v = v.substring(1, v.length() - 1).strip();
    }
    return v;
  }

  /** A value that is given: not empty, not only a comment, not a template hint. References count as given. */
  static boolean isSet(String value) {
    String v = unquoted(value);
    return !v.isEmpty() && !v.startsWith("#") && !TEMPLATE.matcher(v).matches();
  }

  /** A literal that may be a real credential: long enough, no reference or expression, not a template hint. */
  static boolean isLiteralSecret(String value) {
    String v = unquoted(value);
    return v.length() >= 8 && v.length() <= 4096 && !v.contains("${") && !v.contains("#{") && !TEMPLATE.matcher(v).matches();
  }
}
