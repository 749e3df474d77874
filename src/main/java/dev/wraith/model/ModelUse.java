package dev.wraith.model;

import java.util.SortedMap;
import java.util.TreeMap;

/** A literal model name used in code, with the literal generation parameters of the same call (metadata). */
public record ModelUse(Location location, String model, SortedMap<String, String> parameters)
    implements Comparable<ModelUse> {
  public ModelUse {
    if (location == null || model == null) throw new NullPointerException();
    parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
  }

  @Override
  public int compareTo(ModelUse o) {
    int c = location.compareTo(o.location);
    return c != 0 ? c : model.compareTo(o.model);
  }
}
