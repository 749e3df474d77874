package dev.wraith.model;

import java.util.Locale;

/** How sure a detector is: HIGH for a resolved client or constructor call, LOW for an import alone. */
public enum Confidence {
  LOW, MEDIUM, HIGH;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
