package dev.wraith.delivery;

/** A token that prints as {@code ***}: records holding one can be logged and compared without leaking it. */
public final class Secret {
  private final String value;

  public Secret(String value) {
    if (value == null || value.isEmpty()) throw new IllegalArgumentException("a secret is never empty");
    this.value = value;
  }

  /** The value, for the Authorization header only. */
  String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "***";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
