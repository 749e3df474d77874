package dev.wraith.model;

/**
 * What the correlation concluded about one agent. Declared from least to most alarming, the order in which the
 * summaries print their rows (CONFIRMED first, GHOST last); agent lists sort by the reverse, ghosts first.
 */
public enum Classification {
  CONFIRMED("CONFIRMED", "Active — detected in code and observed at runtime"),
  UNKNOWN("UNKNOWN", "Code found — not yet observed at runtime"),
  SHADOW_AI("SHADOW AI", "Known app using AI — review for governance"),
  ZOMBIE("ZOMBIE", "Inactive — code exists but no recent runtime activity"),
  GHOST("GHOST", "Critical — runtime activity with no source code (ungoverned)");

  private final String label;
  private final String description;

  Classification(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** As printed in tables ("SHADOW AI"). JSON uses {@link #name()} ("SHADOW_AI"). */
  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** Accepts "GHOST", "shadow-ai", "shadow_ai", "SHADOW AI". */
  public static java.util.Optional<Classification> parse(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (Classification c : values()) if (c.name().equals(t)) return java.util.Optional.of(c);
    return java.util.Optional.empty();
  }
}
