package dev.wraith.code.parser;

/**
 * The tree-sitter grammars wraith parses with. {@link #id()} is the grammar's name in the native library (which
 * looks grammars up by name, never by position); node type and field names are the grammar's own.
 */
public enum Grammar {
  PYTHON("python"),
  JAVASCRIPT("javascript"),
  TYPESCRIPT("typescript"),
  TSX("tsx"),
  GO("go"),
  JAVA("java"),
  C_SHARP("c-sharp"),
  KOTLIN("kotlin"),
  RUBY("ruby"),
  PHP("php"),
  RUST("rust");

  private final String id;

  Grammar(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
