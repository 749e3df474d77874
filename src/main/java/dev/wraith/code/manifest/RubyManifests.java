package dev.wraith.code.manifest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bundler's Gemfile (and gems.rb), Gemfile.lock (and gems.locked) and *.gemspec files. Gemfiles and gemspecs are
 * Ruby; they are read line by line for the declarations Bundler documents ({@code gem "name", "~> 1.0", group: :test},
 * {@code group :development do ... end}, {@code spec.add_development_dependency "x"}), never evaluated. The lockfile's
 * {@code specs:} entries are the resolved gems; its {@code DEPENDENCIES} section says which ones are direct.
 */
final class RubyManifests {
  private static final Pattern GEM = Pattern.compile("^\\s*gem\\s*\\(?\\s*(['\"])([^'\"\\s]+)\\1(.*)$");
  private static final Pattern GEMSPEC_DEP =
      Pattern.compile("\\.add_(runtime_|development_)?dependency\\s*\\(?\\s*(['\"])([^'\"\\s]+)\\2(.*)$");
  private static final Pattern QUOTED = Pattern.compile("(['\"])([^'\"]*)\\1");
  private static final Pattern OPTION = Pattern.compile("\\b(\\w+):\\s|:(\\w+)\\s*=>");
  private static final Pattern GROUP_OPTION = Pattern.compile("(?:\\bgroups?:|:groups?\\s*=>)\\s*\\[?([^\\]]*?)\\]?\\s*(?:,\\s*:?\\w+(?::|\\s*=>)|$)");
  private static final Pattern GROUP_BLOCK = Pattern.compile("^\\s*group\\s*\\(?([^)]*?)\\)?\\s+do\\b.*");
  private static final Pattern SYMBOL = Pattern.compile(":(\\w+)|(['\"])(\\w+)\\2");
  private static final Pattern BLOCK_START = Pattern.compile("^\\s*(if|unless|case|begin|def|while|until)\\b.*|.*\\bdo(\\s*\\|[^|]*\\|)?\\s*$");
  private static final Pattern BLOCK_END = Pattern.compile("^\\s*end\\b.*");
  private static final Pattern LOCK_SPEC = Pattern.compile("^ {4}([^\\s(]+) \\(([^)]+)\\)\\s*$");
  private static final Pattern LOCK_DEPENDENCY = Pattern.compile("^ {2}([^\\s(!]+)!?(?: \\(([^)]*)\\))?!?\\s*$");

  private RubyManifests() {}

  static List<Dependency> gemfile(String text) {
    List<Dependency> out = new ArrayList<>();
    Deque<String> blocks = new ArrayDeque<>(); // the group names each open block gives ("" for other blocks)
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripComment(lines[i]);
      Matcher g = GEM.matcher(line);
      if (g.matches()) {
        String rest = g.group(3);
        out.add(Dependency.of(g.group(2), versions(rest), scope(rest, blocks), i + 1));
        continue;
      }
      Matcher block = GROUP_BLOCK.matcher(line);
      if (block.matches()) blocks.push(symbols(block.group(1)));
      else if (BLOCK_END.matcher(line).matches()) blocks.poll();
      else if (BLOCK_START.matcher(line).matches()) blocks.push("");
    }
    return out;
  }

  static List<Dependency> gemspec(String text) {
    List<Dependency> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = GEMSPEC_DEP.matcher(stripComment(lines[i]));
      if (!m.find()) continue;
      String scope = "development_".equals(m.group(1)) ? "dev" : "";
      out.add(Dependency.of(m.group(3), versions(m.group(4)), scope, i + 1));
    }
    return out;
  }

  static List<Dependency> lockfile(String text) {
    String[] lines = text.split("\n", -1);
    Set<String> direct = new HashSet<>();
    boolean hasDependencies = false;
    String section = "";
    for (String raw : lines) {
      String line = raw.stripTrailing();
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) section = line.trim();
      else if (section.equals("DEPENDENCIES")) {
        Matcher m = LOCK_DEPENDENCY.matcher(line);
        if (m.matches()) direct.add(m.group(1));
      }
      hasDependencies |= section.equals("DEPENDENCIES");
    }
    List<Dependency> out = new ArrayList<>();
    section = "";
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) section = line.trim();
      if (!section.equals("GEM") && !section.equals("GIT") && !section.equals("PATH") && !section.equals("PLUGIN SOURCE")) continue;
      Matcher m = LOCK_SPEC.matcher(line);
      if (!m.matches()) continue;
      String isDirect = hasDependencies ? String.valueOf(direct.contains(m.group(1))) : "";
      out.add(new Dependency(m.group(1), m.group(2), "", isDirect, i + 1));
    }
    return out;
  }

  /** The version constraints before the first option, joined as Bundler prints them ("~> 1.0, >= 1.0.2"). */
  private static String versions(String rest) {
    Matcher opt = OPTION.matcher(rest);
    String head = opt.find() ? rest.substring(0, opt.start()) : rest;
    List<String> out = new ArrayList<>();
    Matcher q = QUOTED.matcher(head);
    while (q.find()) if (!q.group(2).isBlank()) out.add(q.group(2).trim());
    return String.join(", ", out);
  }

  /** The gem's own {@code group:}/{@code groups:} option, else the innermost enclosing group block. */
  private static String scope(String rest, Deque<String> blocks) {
    Matcher g = GROUP_OPTION.matcher(rest);
    if (g.find()) return symbols(g.group(1));
    for (String b : blocks) if (!b.isEmpty()) return b;
    return "";
  }

  private static String symbols(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = SYMBOL.matcher(text);
    while (m.find()) out.add(m.group(1) != null ? m.group(1) : m.group(3));
    return String.join(",", out);
  }

  /** The line without a trailing comment; a '#' inside quotes (or in "#{...}") is kept. */
  private static String stripComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\') i++;
        else if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#') {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
