package dev.wraith.model;

/** Everything a reporter renders for one run: who produced it and the code layer's result. */
public record ScanReport(Tool tool, CodeScan code) {
  /** The producing tool and the catalogue it used (recorded in every report). */
  public record Tool(String name, String version, String catalogueVersion, int catalogueSchema) {}
}
