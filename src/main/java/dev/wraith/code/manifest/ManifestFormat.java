package dev.wraith.code.manifest;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One file format a manifest detector reads: which paths are in it and how its text becomes declared
 * dependencies. A detector's formats are tried in order; the last one also reads any file the others do not name.
 *
 * @param accepts whether a path (relative, '/' separated) is in this format
 * @param parser turns the file's text (byte-order mark removed) into dependencies
 */
record ManifestFormat(Predicate<String> accepts, Parser parser) {
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
    List<String> all = List.of(names);
    return new ManifestFormat(path -> all.contains(fileName(path)), (path, text) -> parser.parse(text));
  }

  /** Files whose name ends with one of these suffixes, compared without regard to case when {@code anyCase}. */
  static ManifestFormat ending(TextParser parser, boolean anyCase, String... suffixes) {
    List<String> all = List.of(suffixes);
    return new ManifestFormat(path -> {
      String name = anyCase ? fileName(path).toLowerCase(Locale.ROOT) : fileName(path);
      return all.stream().anyMatch(name::endsWith);
    }, (path, text) -> parser.parse(text));
  }

  /** The last path segment. */
  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
