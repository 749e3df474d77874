package dev.wraith.corpus;

import dev.wraith.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything wraith wrote while the corpus ran, by name: each command's standard output and error, every file it
 * wrote (read back as bytes, whatever their kind), HTTP bodies and API objects. {@link #leaks} searches all of it for
 * every fragment of every planted value.
 */
final class Outputs {
  /** One command run: its exit code and the two streams. */
  record Run(int code, String out, String err) {}

  private final Map<String, String> byName = new LinkedHashMap<>();

  /** Runs {@code wraith ARGS} in this JVM, as a user would, and keeps both streams under {@code name}. */
  Run wraith(String name, String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    Run r = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    add(name + " (stdout)", r.out());
    add(name + " (stderr)", r.err());
    return r;
  }

  void add(String name, String text) {
    byName.merge(name, text, (a, b) -> a + "\n" + b);
  }

  /** A file's bytes, decoded leniently: a secret is ASCII, so it shows in any encoding wraith writes (incl. SQLite pages). */
  void file(String name, Path file) throws IOException {
    add(name, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
  }

  /** Every regular file under {@code dir}, named by its path relative to it; returns the relative names. */
  List<String> tree(String name, Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        String rel = dir.relativize(f).toString();
        names.add(rel);
        file(name + "/" + rel, f);
      }
    }
    return names;
  }

  String get(String name) {
    return byName.getOrDefault(name, "");
  }

  String all() {
    return String.join("\n", byName.values());
  }

  Map<String, String> byName() {
    return byName;
  }

  /**
   * "output: plant id (where it was planted) as 'fragment'" for each plant found in each output; empty when nothing
   * leaked. Every position of every output is looked up, so a piece anywhere in a value is found.
   */
  List<String> leaks(Plants plants) {
    List<String> out = new ArrayList<>();
    Map<String, List<Plants.Plant>> fragments = plants.fragments();
    for (Map.Entry<String, String> o : byName.entrySet()) {
      String text = o.getValue();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i + Plants.FRAGMENT <= text.length(); i++) {
        List<Plants.Plant> holders = fragments.get(text.substring(i, i + Plants.FRAGMENT));
        if (holders == null) continue;
        Plants.Plant p = likeliest(holders, text, i);
        if (seen.add(p.id())) {
          out.add(o.getKey() + ": plant " + p.id() + " (" + p.where() + ") as '" + text.substring(i, i + Plants.FRAGMENT) + "'");
        }
      }
    }
    return out;
  }

  /** Of the plants holding the piece at {@code at}, the one whose value matches the text around it the longest. */
  private static Plants.Plant likeliest(List<Plants.Plant> holders, String text, int at) {
    Plants.Plant best = holders.get(0);
    int bestLength = -1;
    for (Plants.Plant p : holders) {
      String v = p.value();
      for (int k = v.indexOf(text.substring(at, at + Plants.FRAGMENT)); k >= 0;
          k = v.indexOf(text.substring(at, at + Plants.FRAGMENT), k + 1)) {
        int length = 0;
        while (k + length < v.length() && at + length < text.length() && v.charAt(k + length) == text.charAt(at + length)) length++;
        if (length > bestLength) {
          bestLength = length;
          best = p;
        }
      }
    }
    return best;
  }
}
