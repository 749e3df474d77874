package dev.wraith.code;

/**
 * Where a language's hand-written tokenizer stands in a file's bytes: the current token's kind and byte range. The
 * grammar repairs ({@link SourceSyntax.Repair}) read files with such cursors to tell code from strings and comments;
 * each language's subclass defines its kinds and moves the cursor (it sets {@link #kind}, {@link #start}, {@link #end}).
 *
 * @param <K> the language's token kinds
 */
public abstract class TokenCursor<K extends Enum<K>> {
  /** The file's bytes (UTF-8) and how many of them are read. */
  protected final byte[] b;
  protected final int n;
  /** The current token: its kind and its bytes, {@code start} inclusive to {@code end} exclusive. */
  protected K kind;
  protected int start;
  protected int end;

  /** A cursor before the first token of {@code length} bytes of {@code utf8}; {@code none} is the kind at the end. */
  protected TokenCursor(byte[] utf8, int length, K none) {
    this.b = utf8;
    this.n = length;
    this.kind = none;
  }

  public final K kind() {
    return kind;
  }

  public final int start() {
    return start;
  }

  public final int end() {
    return end;
  }

  /** Whether the current token's bytes are exactly {@code text} (ASCII). */
  public final boolean is(String text) {
    if (end - start != text.length()) return false;
    for (int i = 0; i < text.length(); i++) if (b[start + i] != text.charAt(i)) return false;
    return true;
  }

  /** Whether the current token's bytes are {@code text}, ignoring ASCII case. */
  public final boolean isIgnoringCase(String text) {
    if (end - start != text.length()) return false;
    for (int i = 0; i < text.length(); i++) if ((b[start + i] | 0x20) != (text.charAt(i) | 0x20)) return false;
    return true;
  }
}
