package dev.wraith.redact;

import dev.wraith.catalogue.SecretRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules that need words and their order: the value after a key-like flag, {@code Bearer}, a program-specific flag
 * ({@code mysql -p X}, attached {@code -pX}), a header flag ({@code -H "Name: X"}) or an env flag ({@code -e KEY=X}),
 * and, in command lines only, words that look random. Three inputs: an argument list ({@link #command}), a shell script
 * found in one (an argument with whitespace, split by {@link ShellWords}, recursively), and free text ({@link #text},
 * whitespace-separated words, quotes and punctuation kept around a masked word).
 */
final class WordPass {
  private static final int MAX_DEPTH = 8;
  private static final int MAX_WORD = 4096;
  private static final java.util.regex.Pattern ASSIGNMENT = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=");

  private final SecretRules rules;
  private final TextPass textPass;

  WordPass(SecretRules rules, TextPass textPass) {
    this.rules = rules;
    this.textPass = textPass;
  }

  /** What comes of each word, given the words before it. */
  private enum Next { NONE, MASK, HEADER, ENV }

  /** An argument list: pairs across elements; each element redacted alone as well. */
  List<String> command(List<String> argv, int depth) {
    List<String> out = new ArrayList<>(argv.size());
    Reader r = new Reader(program(argv, 0));
    for (String a : argv) {
      out.add(r.next(a, true, depth));
    }
    return out;
  }

  /** Free text, line by line: the word after a key-like flag or Bearer is masked, decoration around it kept. */
  String text(String text) {
    if (!startsAPair(text)) return text;
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl + 1;
      out.append(textLine(text.substring(start, end)));
      start = end;
    }
    return out.toString();
  }

  /** Whether some word starts with '-' (a flag) or is "bearer": otherwise no word can ask for the next one. */
  private static boolean startsAPair(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean wordStart = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "\"'`([{<".indexOf(text.charAt(i - 1)) >= 0;
      if (!wordStart) continue;
      if (c == '-' || ((c == 'b' || c == 'B') && text.regionMatches(true, i, "bearer", 0, 6))) return true;
    }
    return false;
  }

  private String textLine(String line) {
    List<String> parts = splitKeepingBlanks(line);
    List<String> cores = new ArrayList<>();
    for (String p : parts) cores.add(isBlank(p) ? p : core(p));
    Reader r = new Reader(program(cores.stream().filter(c -> !isBlank(c)).toList(), 0));
    StringBuilder b = new StringBuilder(line.length());
    for (int i = 0; i < parts.size(); i++) {
      String p = parts.get(i);
      if (isBlank(p)) {
        b.append(p);
        continue;
      }
      String core = cores.get(i);
      String done = r.next(core, false, MAX_DEPTH);
      if (done.equals(core)) b.append(p);
      else b.append(p, 0, p.indexOf(core)).append(done).append(p.substring(p.indexOf(core) + core.length()));
    }
    return b.toString();
  }

  /** A shell script: words are read as arguments, program by program; unchanged words keep their raw text. */
  private String script(String s, int depth) {
    String pre = textPass.apply(s);
    List<ShellWords.Token> tokens = ShellWords.split(pre);
    StringBuilder b = new StringBuilder(pre.length());
    Reader r = null;
    for (int i = 0; i < tokens.size(); i++) {
      ShellWords.Token t = tokens.get(i);
      if (!t.isWord()) {
        if (t.kind() == ShellWords.Token.Kind.OPERATOR) r = null;
        b.append(t.raw());
        continue;
      }
      if (r == null) r = new Reader(program(segmentValues(tokens, i), 0));
      b.append(t.rewrite(r.next(t.value(), true, depth + 1)));
    }
    return b.toString();
  }

  /** Reads words in order, remembering what the previous one asked of the next. */
  private final class Reader {
    private final String program;
    private Next pending = Next.NONE;

    Reader(String program) {
      this.program = program;
    }

    /** {@code word} is the unquoted value; commands also redact it alone and may find it random. */
    String next(String word, boolean command, int depth) {
      Next p = pending;
      pending = Next.NONE;
      if (p == Next.MASK && !looksLikeFlag(word) && !word.isEmpty()) {
        return textPass.isReference(word) ? alone(word, command, depth) : Redactor.MASK;
      }
      if (p == Next.HEADER) return header(alone(word, command, depth));
      if (p == Next.ENV) return env(alone(word, command, depth));
      String w = command ? alone(word, command, depth) : word;
      if (w.startsWith("-") && w.length() > 1) return flag(w);
      if (w.equalsIgnoreCase("bearer")) pending = Next.MASK;
      return w;
    }

    private String flag(String w) {
      int eq = w.indexOf('=');
      String name = eq > 0 ? w.substring(0, eq) : w;
      List<String> programFlags = rules.flagsOf(program);
      if (eq > 0) {
        String value = w.substring(eq + 1);
        if (rules.headerFlags().contains(name)) return name + "=" + header(value);
        if (rules.envFlags().contains(name)) return name + "=" + env(value);
        if ((programFlags.contains(name) || textPass.keyLike(name)) && !value.isEmpty() && !textPass.isReference(value)) {
          return name + "=" + Redactor.MASK;
        }
        return w;
      }
      if (rules.headerFlags().contains(w)) pending = Next.HEADER;
      else if (rules.envFlags().contains(w)) pending = Next.ENV;
      else if (programFlags.contains(w) || textPass.keyLike(w)) pending = Next.MASK;
      else return attached(w, programFlags);
      return w;
    }

    /** {@code -pSECRET} for a program whose {@code -p} takes a secret. */
    private String attached(String w, List<String> programFlags) {
      for (String f : programFlags) {
        if (f.length() == 2 && !f.startsWith("--") && w.startsWith(f) && w.length() > 2 && !w.substring(2).equals(Redactor.MASK)) {
          return f + Redactor.MASK;
        }
      }
      return w;
    }
  }

  /** One argument on its own: a script when it holds whitespace, else the text rules and the random-word rule. */
  private String alone(String word, boolean command, int depth) {
    if (!command) return word;
    if (word.length() > MAX_WORD) return Redactor.MASK; // no argument that long is an identity, and it bounds the work
    String w = word;
    if (hasBlank(w)) {
      w = depth >= MAX_DEPTH ? textPass.apply(w) : script(w, depth);
      if (hasBlank(w)) return w;
      // masking took the blanks away: what is left is read as one argument next time, so read it so now
    }
    w = textPass.apply(w);
    return RandomWord.looksRandom(w) ? Redactor.MASK : w;
  }

  /** {@code Name: value} after a header flag: the value stays only for the catalogue's plain headers. */
  private String header(String h) {
    int colon = h.indexOf(':');
    if (colon <= 0) return h;
    String name = h.substring(0, colon).trim();
    int valueStart = colon + 1;
    while (valueStart < h.length() && (h.charAt(valueStart) == ' ' || h.charAt(valueStart) == '\t')) valueStart++;
    if (valueStart >= h.length() || rules.plainHeaders().contains(name.toLowerCase(Locale.ROOT))) return h;
    return h.substring(0, valueStart) + Redactor.MASK;
  }

  /** {@code KEY=value} after an env flag: the name stays, the value never does. */
  private static String env(String e) {
    int eq = e.indexOf('=');
    return eq <= 0 ? e : e.substring(0, eq + 1) + Redactor.MASK;
  }

  /** The program a command runs: its first word that is not an assignment or a wrapper, base name without version. */
  private String program(List<String> words, int from) {
    for (int i = from; i < words.size(); i++) {
      String w = words.get(i);
      if (w.isEmpty() || w.startsWith("-") || ASSIGNMENT.matcher(w).lookingAt()) continue;
      String base = w.substring(w.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      int end = base.length();
      while (end > 0 && (Character.isDigit(base.charAt(end - 1)) || base.charAt(end - 1) == '.')) end--;
      base = base.substring(0, end);
      if (!rules.programWrappers().contains(base)) return base;
    }
    return "";
  }

  private static List<String> segmentValues(List<ShellWords.Token> tokens, int from) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < tokens.size() && tokens.get(i).kind() != ShellWords.Token.Kind.OPERATOR; i++) {
      if (tokens.get(i).isWord()) out.add(tokens.get(i).value());
    }
    return out;
  }

  private static boolean looksLikeFlag(String w) {
    return (w.startsWith("--") && w.length() > 2) || (w.length() == 2 && w.charAt(0) == '-' && Character.isLetter(w.charAt(1)));
  }

  /** A word without the quotes, brackets and punctuation prose puts around it. */
  private static String core(String p) {
    int s = 0, e = p.length();
    while (s < e && "\"'`([{<".indexOf(p.charAt(s)) >= 0) s++;
    while (e > s && "\"'`)]}>,;.!?".indexOf(p.charAt(e - 1)) >= 0) e--;
    return p.substring(s, e);
  }

  private static List<String> splitKeepingBlanks(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      int j = i;
      boolean blank = Character.isWhitespace(line.charAt(i));
      while (j < line.length() && Character.isWhitespace(line.charAt(j)) == blank) j++;
      out.add(line.substring(i, j));
      i = j;
    }
    return out;
  }

  private static boolean isBlank(String p) {
    return !p.isEmpty() && Character.isWhitespace(p.charAt(0));
  }

  private static boolean hasBlank(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.isWhitespace(s.charAt(i))) return true;
    return false;
  }
}
