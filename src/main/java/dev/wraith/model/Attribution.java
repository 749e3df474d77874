package dev.wraith.model;

/**
 * What attribution decided about one destination: an AI provider ({@link Attributed}), not AI because the process
 * named a non-AI host ({@link NotAi}), or nothing to go on ({@link Unattributed}).
 */
public sealed interface Attribution permits Attributed, Attribution.NotAi, Attribution.Unattributed {
  /**
   * The process asked for a host that is not an AI service (its SNI, CONNECT line, Host header or DNS answer named it),
   * which decides even where an address method would have said AI: that address serves other names too.
   *
   * @param name the host the process asked for, normalised (lower case, no trailing dot)
   * @param method the name-level evidence that gave it
   */
  record NotAi(String name, Attributed.Method method) implements Attribution {
    public NotAi {
      if (name == null || method == null) throw new NullPointerException("fields are never null");
    }
  }

  /** Nothing names the destination. */
  record Unattributed() implements Attribution {
    /**
     * The one value. Held here, not in {@link Attribution}: an interface constant of its own subtype could deadlock
     * two threads initialising the two classes at once.
     */
    public static final Unattributed NONE = new Unattributed();
  }

  /** The AI attribution, if this is one. */
  default java.util.Optional<Attributed> ai() {
    return this instanceof Attributed a ? java.util.Optional.of(a) : java.util.Optional.empty();
  }
}
