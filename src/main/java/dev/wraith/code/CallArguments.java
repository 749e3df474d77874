package dev.wraith.code;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills {@link SourceFacts.Call#args} from one argument list of a language with named arguments: a named argument
 * under its name, the first value of a repeated name winning; every other argument under "#0", "#1", ... in the
 * order written, a named argument taking no position. Positions count from "#0" for each list, also when several
 * lists (or an initializer's properties) fill one map, and a positional argument replaces whatever its key held.
 * One instance per argument list, mutable while the list is read.
 */
public final class CallArguments {
  private final Map<String, String> args;
  private int position;

  /** A list that fills a new map. */
  public CallArguments() {
    this(new LinkedHashMap<>());
  }

  /** A list that adds to {@code args}, which may already hold another list's arguments. */
  public CallArguments(Map<String, String> args) {
    this.args = args;
  }

  public void named(String name, String value) {
    args.putIfAbsent(name, value);
  }

  public void positional(String value) {
    args.put("#" + position++, value);
  }

  /** The map filled (the same instance, not a copy: {@link SourceFacts.Call} copies it). */
  public Map<String, String> map() {
    return args;
  }
}
