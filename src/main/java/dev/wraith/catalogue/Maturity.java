package dev.wraith.catalogue;

import dev.wraith.model.Confidence;

/**
 * How well an entry is verified: stable entries are checked against primary sources, experimental ones not yet. A
 * finding that an experimental signature or provider produced says so by its confidence, one level lower than the
 * same finding from a stable entry.
 */
public enum Maturity {
  STABLE, EXPERIMENTAL;

  /** The confidence of a finding this entry produced, given what the detector alone would claim. */
  public Confidence confidence(Confidence detected) {
    return switch (this) {
      case STABLE -> detected;
      case EXPERIMENTAL -> switch (detected) {
        case HIGH -> Confidence.MEDIUM;
        case MEDIUM, LOW -> Confidence.LOW;
      };
    };
  }
}
