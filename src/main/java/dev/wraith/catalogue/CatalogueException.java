package dev.wraith.catalogue;

import java.util.List;

/** The catalogue cannot be used: every problem found, each naming its file and entry. */
public final class CatalogueException extends RuntimeException {
  private final List<String> problems;

  public CatalogueException(List<String> problems) {
    super("invalid catalogue:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
