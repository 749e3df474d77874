package dev.wraith.cluster;

import java.util.List;

/** The answer to one {@link KubeApi} list call: the objects, or why they could not be read. */
public sealed interface Fetch<T> {
  record Ok<T>(List<T> items) implements Fetch<T> {
    public Ok {
      items = List.copyOf(items);
    }
  }

  record Failed<T>(Failure reason, String detail) implements Fetch<T> {
    public Failed {
      if (reason == null || detail == null) throw new NullPointerException();
    }
  }

  static <T> Fetch<T> ok(List<T> items) {
    return new Ok<>(items);
  }

  static <T> Fetch<T> failed(Failure reason, String detail) {
    return new Failed<>(reason, detail);
  }

  /** The items, or an empty list when the call failed. */
  default List<T> itemsOrEmpty() {
    return this instanceof Ok<T> ok ? ok.items() : List.of();
  }
}
