package dev.wraith.code;

import static dev.wraith.code.SyntaxTree.NONE;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills {@link SourceFacts.Call#args} from one argument list of a language with named arguments: a named argument
 * under its name, the first value of a repeated name winning; every other argument under "#0", "#1", ... in the
 * order written, a named argument taking no position. Positions count from "#0" for each list, also when several
 * lists (or an initializer's properties) fill one map, and a positional argument replaces whatever its key held.
 * The language says which child nodes of a list are arguments and reads each one ({@link Reader}); one instance per
 * list, mutable while the list is read.
 */
public final class CallArguments {
  /** Reads one argument node into the list: {@link #named}, {@link #positional}, or nothing. */
  @FunctionalInterface
  public interface Reader {
    void read(int argument, CallArguments into);
  }

  private final Map<String, String> args;
  private int position;

  private CallArguments(Map<String, String> args) {
    this.args = args;
  }

  /**
   * The arguments of the list node {@code list} (none when it is {@link SyntaxTree#NONE}): its named children of one
   * of the {@code types}, in order, each read by {@code reader}, in a new map.
   */
  public static Map<String, String> of(SyntaxTree tree, int list, Reader reader, String... types) {
    return into(new LinkedHashMap<>(), tree, list, reader, types);
  }

  /** As {@link #of}, added to {@code args}, which may already hold another list's arguments; returns {@code args}. */
  public static Map<String, String> into(Map<String, String> args, SyntaxTree tree, int list, Reader reader,
      String... types) {
    if (list == NONE) return args;
    CallArguments into = new CallArguments(args);
    for (int a = tree.firstNamedChild(list); a != NONE; a = tree.nextNamedSibling(a)) {
      if (oneOf(tree.type(a), types)) reader.read(a, into);
    }
    return args;
  }

  public void named(String name, String value) {
    args.putIfAbsent(name, value);
  }

  public void positional(String value) {
    args.put("#" + position++, value);
  }

  private static boolean oneOf(String type, String... types) {
    for (String t : types) {
      if (t.equals(type)) return true;
    }
    return false;
  }
}
