package dev.wraith.files;

import java.util.Locale;

/**
 * The most any reader of user-given input holds or accepts at once. A longer line, a larger document, deeper nesting or
 * a compressed file that inflates beyond its bound is skipped with a warning (or refused, for single-document inputs),
 * never read into memory whole.
 *
 * @param lineBytes longest line of a line-oriented input (audit logs, Tetragon exports, sensor observations)
 * @param documentBytes largest single document: a JSON value of a snapshot (one object of a List), a YAML document or
 *     List item, a config file, an allow-list, a catalogue overlay file; also the longest JSON string
 * @param depth deepest nesting of arrays and objects in JSON or YAML
 * @param yamlLineBytes longest line inside a YAML document (SnakeYAML takes time quadratic in a scalar's length)
 * @param inflateFloorBytes a gzip file may always inflate to this much ...
 * @param inflateRatio ... or to this many times its compressed size, whichever is more; beyond, it is a gzip bomb
 */
public record Limits(int lineBytes, int documentBytes, int depth, int yamlLineBytes, long inflateFloorBytes,
    int inflateRatio) {
  /**
   * The limits of every input unless its reader says otherwise. Kubernetes objects are at most about 1.5 MiB (etcd's
   * request limit) and Tetragon or audit lines a few KiB, so these leave room and still bound memory.
   */
  public static final Limits DEFAULT = new Limits(16 << 20, 16 << 20, 128, 2 << 20, 1L << 30, 100);

  public Limits {
    if (lineBytes < 1 || documentBytes < 1 || depth < 1 || yamlLineBytes < 1 || inflateFloorBytes < 1 || inflateRatio < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** The same limits with another largest document (config files are smaller). */
  public Limits withDocumentBytes(int bytes) {
    return new Limits(lineBytes, bytes, depth, yamlLineBytes, inflateFloorBytes, inflateRatio);
  }

  /** The same limits with another longest line (tests use small ones). */
  public Limits withLineBytes(int bytes) {
    return new Limits(bytes, documentBytes, depth, Math.min(yamlLineBytes, bytes), inflateFloorBytes, inflateRatio);
  }

  /** How much a gzip file of {@code compressedBytes} may inflate to. */
  public long inflatedBound(long compressedBytes) {
    long byRatio = compressedBytes > Long.MAX_VALUE / inflateRatio ? Long.MAX_VALUE : compressedBytes * inflateRatio;
    return Math.max(inflateFloorBytes, byRatio);
  }

  /** A byte count as people read it: "16 MiB", "1.5 KiB", "12 bytes". */
  public static String size(long bytes) {
    if (bytes < 1024) return bytes + (bytes == 1 ? " byte" : " bytes");
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
  }
}
