package dev.wraith.report;

import java.util.Arrays;
import java.util.Optional;

/** The CycloneDX specification version of aibom.cdx.json: 1.7 by default, 1.6 for consumers that do not read 1.7 yet. */
public enum CycloneDxVersion {
  V1_6("1.6"),
  V1_7("1.7");

  public static final CycloneDxVersion DEFAULT = V1_7;

  private final String text;

  CycloneDxVersion(String text) {
    this.text = text;
  }

  /** "1.6" or "1.7". */
  public String text() {
    return text;
  }

  public static Optional<CycloneDxVersion> parse(String text) {
    return Arrays.stream(values()).filter(v -> v.text.equals(text.trim())).findFirst();
  }
}
