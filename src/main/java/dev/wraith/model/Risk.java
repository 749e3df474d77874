package dev.wraith.model;

import java.util.Locale;

/** How urgently an agent needs a human. Ordered from low to critical. */
public enum Risk {
  LOW, MEDIUM, HIGH, CRITICAL;

  /** One level up, capped at CRITICAL. */
  public Risk raise() {
    return switch (this) {
      case LOW -> MEDIUM;
      case MEDIUM -> HIGH;
      case HIGH, CRITICAL -> CRITICAL;
    };
  }

  /** One level down, floored at LOW. */
  public Risk lower() {
    return switch (this) {
      case LOW, MEDIUM -> LOW;
      case HIGH -> MEDIUM;
      case CRITICAL -> HIGH;
    };
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static java.util.Optional<Risk> parse(String text) {
    for (Risk r : values()) if (r.name().equalsIgnoreCase(text.trim())) return java.util.Optional.of(r);
    return java.util.Optional.empty();
  }
}
