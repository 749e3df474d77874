package dev.wraith.model;

/** A count with its noun, for people: "1 exec session", "2 exec sessions", "1 process", "3 processes". */
public final class Counted {
  private Counted() {}

  /** {@code n} and the singular, or the singular plus "s" when {@code n != 1}. */
  public static String of(long n, String singular) {
    return of(n, singular, singular + "s");
  }

  public static String of(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
