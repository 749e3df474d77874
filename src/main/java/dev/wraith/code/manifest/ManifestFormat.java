package dev.wraith.code.manifest;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One file format a manifest detector reads: which files are in it and how its text becomes declared
 * dependencies. A detector's formats are tried in order; the last one also reads any file the others do not name.
 *
 * @param accepts whether a file is in this format
 * @param parser turns the file's text (byte-order mark removed) into dependencies
 */
record ManifestFormat(Accepts accepts, Parser parser) {
  /**
   * Whether a file is in the format, from its relative path ('/' separated) and its last segment (computed once
   * by the caller: every file of a tree is asked about, so this must not allocate).
   */
  @FunctionalInterface
  interface Accepts {
    boolean test(String path, String name);
  }

  /** A manifest parser; it never quotes file content in a {@link MalformedManifestException}. */
  @FunctionalInterface
  interface Parser {
    List<Dependency> parse(String path, String text) throws MalformedManifestException;
  }

  /** A parser that needs only the text. */
  @FunctionalInterface
  interface TextParser {
    List<Dependency> parse(String text) throws MalformedManifestException;
  }

  /** Files with one of these exact names. */
  static ManifestFormat named(TextParser parser, String... names) {
    Set<String> all = Set.of(names);
    return new ManifestFormat((path, name) -> all.contains(name), (path, text) -> parser.parse(text));
  }

  /** Files whose name ends with one of these suffixes, compared without regard to case when {@code anyCase}. */
  static ManifestFormat ending(TextParser parser, boolean anyCase, String... suffixes) {
    String[] all = suffixes.clone();
    return new ManifestFormat((path, name) -> {
      String n = anyCase ? name.toLowerCase(Locale.ROOT) : name;
      for (String s : all) if (n.endsWith(s)) return true;
      return false;
    }, (path, text) -> parser.parse(text));
  }

  /** The last path segment. */
  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
