package dev.wraith.files;

import java.util.Locale;

/**
 * Jackson factories and mappers that apply {@link Limits} while they parse (Jackson 2, wraith's one JSON library;
 * fabric8 keeps the 3.x line it brings to itself): nesting depth, document and string length, and SnakeYAML's code
 * point limit raised to the document limit (its default, 3 MiB, would refuse real snapshots). Also the one place that turns a parser's failure
 * into words without its wording ({@link #why}).
 */
public final class Parsers {
  private Parsers() {}

  public static com.fasterxml.jackson.core.StreamReadConstraints constraints2(Limits l) {
    return com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(l.depth())
        .maxStringLength(l.documentBytes()).maxNameLength(Math.min(l.documentBytes(), 1 << 20))
        .maxDocumentLength(l.documentBytes()).build();
  }

  /** A JSON factory (2.x) for mappers with their own read features (JSON with comments). */
  public static com.fasterxml.jackson.core.JsonFactory jsonFactory2(Limits l) {
    return com.fasterxml.jackson.core.JsonFactory.builder().streamReadConstraints(constraints2(l)).build();
  }

  public static com.fasterxml.jackson.databind.ObjectMapper json2(Limits l) {
    return new com.fasterxml.jackson.databind.ObjectMapper(jsonFactory2(l));
  }

  public static com.fasterxml.jackson.dataformat.yaml.YAMLFactory yamlFactory2(Limits l) {
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setCodePointLimit(l.documentBytes());
    return com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder().loaderOptions(options)
        .streamReadConstraints(constraints2(l)).build();
  }

  public static com.fasterxml.jackson.databind.ObjectMapper yaml2(Limits l) {
    return new com.fasterxml.jackson.databind.ObjectMapper(yamlFactory2(l));
  }

  public static com.fasterxml.jackson.dataformat.toml.TomlMapper toml2(Limits l) {
    return new com.fasterxml.jackson.dataformat.toml.TomlMapper(
        com.fasterxml.jackson.dataformat.toml.TomlFactory.builder().streamReadConstraints(constraints2(l)).build());
  }

  /**
   * Why a parse failed, in words: which limit it broke, or where the syntax is wrong ("not valid YAML at line 3,
   * column 7"). {@code format} names the syntax ("JSON", "YAML", "TOML"); lines are counted in the text parsed.
   */
  public static String why(Throwable failure, String format, Limits limits) {
    String m = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
    if (m.contains("nesting depth")) return "nested deeper than " + limits.depth() + " levels";
    if (m.contains("string value length") || m.contains("name length")) {
      return "a string longer than " + Limits.size(limits.documentBytes());
    }
    if (m.contains("document length") || m.contains("exceeds the limit")) return "larger than " + Limits.size(limits.documentBytes());
    if (m.contains("number value length")) return "a number with too many digits";
    long[] at = location(failure);
    String where = at[0] > 0 ? " at line " + at[0] + (at[1] > 0 ? ", column " + at[1] : "") : "";
    if (failure instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException) {
      return "valid " + format + " of an unexpected shape" + where;
    }
    return "not valid " + format + where;
  }

  /** {@link #why} for a parse of one line: the column only ("not valid JSON at column 7"). */
  public static String whyInLine(Throwable failure, String format, Limits limits) {
    String why = why(failure, format, limits);
    return why.replaceFirst(" at line \\d+, column ", " at column ").replaceFirst(" at line 1$", "");
  }

  private static long[] location(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
        return new long[] {j.getLocation().getLineNr(), j.getLocation().getColumnNr()};
      }
    }
    return new long[] {-1, -1};
  }
}
