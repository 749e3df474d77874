package dev.wraith.code.parser;

/**
 * Parses one file's UTF-8 bytes with one grammar into a {@link NodeTable}. Implementations are thread-safe
 * (parsers are per thread inside) and never throw for hostile input: limits and failures become status bits.
 */
public sealed interface ParserBackend permits NativeParser, FallbackParser {
  /** The first {@code length} bytes of {@code utf8} parsed with {@code grammar}, within {@code limits}. */
  NodeTable parse(Grammar grammar, byte[] utf8, int length, Limits limits);

  /** What {@code wraith --version} prints for this backend: its name, build and speed class. */
  String description();
}
