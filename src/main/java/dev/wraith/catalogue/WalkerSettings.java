package dev.wraith.catalogue;

import java.util.List;

/**
 * Defaults of the file walker: directory names skipped unless asked for (vendored and generated trees),
 * the largest file read, and file names treated as generated (minified bundles).
 */
public record WalkerSettings(List<String> skipDirs, long maxFileBytes, List<String> generatedSuffixes) {
  public WalkerSettings {
    skipDirs = List.copyOf(skipDirs);
    generatedSuffixes = List.copyOf(generatedSuffixes);
  }
}
