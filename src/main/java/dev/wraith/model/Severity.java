package dev.wraith.model;

import java.util.Locale;

/** How loudly a finding speaks; maps one-to-one onto SARIF levels. Ordered from quiet to loud. */
public enum Severity {
  NOTE, WARNING, ERROR;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String text) {
    for (Severity s : values()) if (s.id().equalsIgnoreCase(text.trim())) return s;
    throw new IllegalArgumentException("unknown severity '" + text + "' (expected note, warning or error)");
  }
}
