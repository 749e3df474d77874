package dev.wraith.code.deploy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.wraith.code.deploy.DockerfileLexer.Instruction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stages of a Dockerfile, read instruction by instruction: global {@code ARG} defaults substituted into
 * {@code FROM}, {@code FROM x AS y} stages that may build on each other, WORKDIR, ENV names, COPY/ADD (with
 * {@code --from}), RUN text with heredoc bodies, SHELL, ENTRYPOINT and CMD in exec (JSON) and shell form.
 * Declarations (ENV and ARG names with their values) are handed to a listener and not kept.
 */
final class DockerBuild {
  private static final Pattern VAR = Pattern.compile(
      "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
  private static final JsonFactory JSON = new JsonFactory();

  /** Receives each declared variable: name, value ("" when none), line. */
  @FunctionalInterface
  interface Declarations {
    void declare(String name, String value, int line);
  }

  final List<DockerStage> stages = new ArrayList<>();
  private final Map<String, String> globalArgs = new HashMap<>();

  private DockerBuild() {}

  static DockerBuild read(List<Instruction> instructions, Declarations declarations) {
    DockerBuild b = new DockerBuild();
    for (Instruction i : instructions) b.apply(i, declarations);
    return b;
  }

  Optional<DockerStage> finalStage() {
    return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
  }

  /** The stage a {@code --from} or {@code FROM} names (alias, case-insensitive, or index), if it is one. */
  Optional<DockerStage> stage(String ref) {
    for (DockerStage s : stages) {
      if (s.alias.equalsIgnoreCase(ref) || String.valueOf(s.index).equals(ref)) return Optional.of(s);
    }
    return Optional.empty();
  }

  private void apply(Instruction i, Declarations declarations) {
    DockerStage s = stages.isEmpty() ? null : stages.get(stages.size() - 1);
    switch (i.keyword()) {
      case "ARG" -> arg(i, s, declarations);
      case "FROM" -> from(i);
      default -> {
        if (s != null) stageInstruction(s, i, declarations);
      }
    }
  }

  private void arg(Instruction i, DockerStage s, Declarations declarations) {
    for (String w : words(i.args())) {
      int eq = w.indexOf('=');
      String name = eq < 0 ? w : w.substring(0, eq);
      String value = eq < 0 ? "" : unquote(w.substring(eq + 1));
      declarations.declare(name, value, i.line());
      if (s == null && eq >= 0) globalArgs.put(name, substitute(value)); // defaults may use earlier ARGs
    }
  }

  private void from(Instruction i) {
    List<String> w = new ArrayList<>(words(i.args()).stream().filter(x -> !x.startsWith("--")).toList());
    if (w.isEmpty()) return;
    String image = substitute(w.get(0));
    String alias = w.size() >= 3 && w.get(1).equalsIgnoreCase("AS") ? w.get(2) : "";
    DockerStage parent = stage(image).orElse(null);
    stages.add(new DockerStage(stages.size(), image, alias, i.line(), parent));
  }

  private void stageInstruction(DockerStage s, Instruction i, Declarations declarations) {
    switch (i.keyword()) {
      case "WORKDIR" -> s.workdir = s.absolute(unquote(i.args()));
      case "ENV" -> env(s, i, declarations);
      case "COPY", "ADD" -> copy(s, i);
      case "RUN" -> {
        s.runs.add(i.args());
        s.runs.addAll(i.heredocs());
      }
      case "SHELL" -> json(i.args()).ifPresent(sh -> s.shell = sh);
      case "ENTRYPOINT" -> s.entrypoint(command(s, i.args()));
      case "CMD" -> s.cmd(command(s, i.args()));
      default -> { } // LABEL, EXPOSE, USER, ... say nothing about identity here
    }
  }

  private static void env(DockerStage s, Instruction i, Declarations declarations) {
    List<String> w = words(i.args());
    if (w.isEmpty()) return;
    if (!w.get(0).contains("=")) { // legacy form: ENV NAME value with spaces
      s.env.add(w.get(0));
      declarations.declare(w.get(0), String.join(" ", w.subList(1, w.size())), i.line());
      return;
    }
    for (String x : w) {
      int eq = x.indexOf('=');
      if (eq <= 0) continue;
      s.env.add(x.substring(0, eq));
      declarations.declare(x.substring(0, eq), unquote(x.substring(eq + 1)), i.line());
    }
  }

  private static void copy(DockerStage s, Instruction i) {
    String rest = i.args();
    String from = "";
    while (rest.startsWith("--")) { // flags come first, in both forms: COPY --chown=a:b ["src", "dst"]
      int end = firstBlank(rest);
      String flag = rest.substring(0, end);
      if (flag.startsWith("--from=")) from = unquote(flag.substring("--from=".length()));
      rest = rest.substring(end).strip();
    }
    String paths0 = rest;
    List<String> paths = new ArrayList<>();
    for (String x : json(rest).orElseGet(() -> words(paths0))) if (!x.startsWith("<<")) paths.add(unquote(x));
    if (paths.size() < 2) return; // heredoc sources or malformed: nothing from the tree
    String dest = paths.remove(paths.size() - 1);
    boolean dir = dest.endsWith("/") || dest.equals(".") || paths.size() > 1;
    s.copies.add(new DockerStage.Copy(paths, s.absolute(dest), dir, from));
  }

  private static DockerStage.Command command(DockerStage s, String args) {
    Optional<List<String>> exec = json(args);
    if (exec.isPresent()) return new DockerStage.Command(exec.get(), false);
    List<String> argv = new ArrayList<>(s.shell);
    argv.add(args);
    return new DockerStage.Command(argv, true);
  }

  /** Global ARG defaults substituted into a FROM reference; unknown variables stay as written. */
  String substitute(String s) {
    Matcher m = VAR.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(4);
      String value = globalArgs.get(name);
      boolean set = value != null && !value.isEmpty();
      if ("-".equals(m.group(2)) && !set) value = m.group(3);
      if ("+".equals(m.group(2))) value = set ? m.group(3) : "";
      m.appendReplacement(b, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** A JSON array of strings (exec form), or empty when the text is not exactly that. */
  static Optional<List<String>> json(String text) {
    if (!text.startsWith("[")) return Optional.empty();
    List<String> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_ARRAY) return Optional.empty();
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.VALUE_STRING) out.add(p.getText());
      if (t != JsonToken.END_ARRAY || p.nextToken() != null) return Optional.empty();
      return Optional.of(out);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int firstBlank(String s) {
    for (int k = 0; k < s.length(); k++) if (Character.isWhitespace(s.charAt(k))) return k;
    return s.length();
  }

  /** Whitespace-separated words; quotes group and are kept (callers unquote values). */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote == 0 && Character.isWhitespace(c)) {
        if (cur.length() > 0) out.add(cur.toString());
        cur.setLength(0);
        continue;
      }
      if (quote == 0 && (c == '"' || c == '\'')) quote = c;
      else if (c == quote) quote = 0;
      cur.append(c);
    }
    if (cur.length() > 0) out.add(cur.toString());
    return out;
  }

  static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }
}
