package dev.wraith.model;

import java.util.Comparator;

/** A place in a scanned tree: a path relative to the scan root with '/' separators, 1-based line and column. */
public record Location(String path, int line, int column) implements Comparable<Location> {
  private static final Comparator<Location> ORDER =
      Comparator.comparing(Location::path).thenComparingInt(Location::line).thenComparingInt(Location::column);

  public Location {
    if (path == null || path.isEmpty()) throw new IllegalArgumentException("path is required");
    if (line < 0 || column < 0) throw new IllegalArgumentException("line and column are >= 0");
  }

  public static Location file(String path) {
    return new Location(path, 0, 0);
  }

  @Override
  public int compareTo(Location other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return line > 0 ? path + ":" + line : path;
  }
}
