package dev.wraith.code.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Dockerfile into instructions the way BuildKit's frontend does: parser directives at the top
 * ({@code # escape=`} changes the continuation character), comment lines dropped (also inside
 * continuations), escaped line ends joined, and heredocs ({@code <<EOF}, {@code <<-"EOF"}) collected as bodies
 * so their lines are not read as instructions.
 */
final class DockerfileLexer {
  /** One instruction: its upper-cased keyword, the rest of its (joined) line, its first line, heredoc bodies. */
  record Instruction(String keyword, String args, int line, List<String> heredocs) {
    Instruction {
      heredocs = List.copyOf(heredocs);
    }
  }

  private static final Pattern DIRECTIVE = Pattern.compile("#\\s*+([a-zA-Z][a-zA-Z0-9]*+)\\s*+=\\s*+(\\S*+)\\s*+");
  private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");
  private static final int MAX_INSTRUCTIONS = 10_000;

  private DockerfileLexer() {}

  static List<Instruction> lex(String text) {
    String[] lines = text.split("\r?\n", -1);
    char escape = escapeDirective(lines);
    List<Instruction> out = new ArrayList<>();
    int i = 0;
    while (i < lines.length && out.size() < MAX_INSTRUCTIONS) {
      String first = lines[i].strip();
      if (first.isEmpty() || first.startsWith("#")) {
        i++;
        continue;
      }
      int start = i;
      StringBuilder logical = new StringBuilder();
      String cur = lines[i];
      while (true) {
        String t = cur.stripTrailing();
        boolean continued = !t.isEmpty() && t.charAt(t.length() - 1) == escape;
        logical.append(continued ? t.substring(0, t.length() - 1) : t);
        i++;
        if (!continued) break;
        while (i < lines.length && (lines[i].isBlank() || lines[i].strip().startsWith("#"))) i++;
        if (i >= lines.length) break;
        cur = lines[i];
      }
      String joined = logical.toString().strip();
      int sp = firstSpace(joined);
      String keyword = (sp < 0 ? joined : joined.substring(0, sp)).toUpperCase(Locale.ROOT);
      String args = sp < 0 ? "" : joined.substring(sp).strip();
      List<String> bodies = new ArrayList<>();
      if (keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD")) i = heredocs(args, lines, i, bodies);
      out.add(new Instruction(keyword, args, start + 1, bodies));
    }
    return out;
  }

  /** The escape character from the parser directives at the top of the file ('\\' unless set). */
  private static char escapeDirective(String[] lines) {
    for (String l : lines) {
      Matcher m = DIRECTIVE.matcher(l.strip());
      if (!m.matches()) break;
      if (m.group(1).equalsIgnoreCase("escape") && m.group(2).equals("`")) return '`';
    }
    return '\\';
  }

  /** Reads the bodies of the heredocs opened in {@code args}; returns the index of the line after the last. */
  private static int heredocs(String args, String[] lines, int i, List<String> bodies) {
    Matcher m = HEREDOC.matcher(args);
    while (m.find()) {
      boolean stripTabs = !m.group(1).isEmpty();
      String word = m.group(3);
      StringBuilder body = new StringBuilder();
      while (i < lines.length) {
        String l = stripTabs ? lines[i].replaceFirst("^\t+", "") : lines[i];
        i++;
        if (l.equals(word)) break;
        body.append(l).append('\n');
      }
      bodies.add(body.toString());
    }
    return i;
  }

  private static int firstSpace(String s) {
    for (int k = 0; k < s.length(); k++) if (Character.isWhitespace(s.charAt(k))) return k;
    return -1;
  }
}
