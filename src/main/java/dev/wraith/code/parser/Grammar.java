package dev.wraith.code.parser;

/**
 * The tree-sitter grammars wraith parses with. {@link #id()} is the grammar's name in the native library (which
 * looks grammars up by name, never by position); node type and field names are the grammar's own.
 */
public enum Grammar {
  PYTHON("python", true, false),
  JAVASCRIPT("javascript", false, true),
  TYPESCRIPT("typescript", false, true),
  TSX("tsx", false, true),
  GO("go", false, true),
  JAVA("java", false, true),
  C_SHARP("c-sharp", false, true),
  KOTLIN("kotlin", false, true),
  RUBY("ruby", true, false),
  PHP("php", true, true),
  RUST("rust", false, true);

  private final String id;
  private final boolean hashComments;
  private final boolean slashComments;

  Grammar(String id, boolean hashComments, boolean slashComments) {
    this.id = id;
    this.hashComments = hashComments;
    this.slashComments = slashComments;
  }

  /** Whether {@code #} starts a line comment (for the nesting cut's comment skipping; as in wraith_ts.c). */
  boolean hashComments() {
    return hashComments;
  }

  /** Whether {@code //} and block comments exist (as in wraith_ts.c). */
  boolean slashComments() {
    return slashComments;
  }

  public String id() {
    return id;
  }
}
