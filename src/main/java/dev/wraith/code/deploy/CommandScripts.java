package dev.wraith.code.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The program files a command line runs, as written in it: the script of an interpreter
 * ({@code python -u agent.py}, {@code node dist/server.js}, {@code java -jar app.jar}), a module run with
 * {@code python -m pkg.mod} or an ASGI app ({@code uvicorn app.main:app}) as its file path, a script given to
 * {@code sh -c}, and an executable named by path ({@code ./entrypoint.sh}). Best effort, never a guess at
 * a binary from PATH.
 */
final class CommandScripts {
  private static final Set<String> EXTENSIONS = Set.of(".py", ".js", ".mjs", ".cjs", ".ts", ".jar", ".sh", ".rb", ".pl",
      ".php", ".bash", ".war");
  private static final Set<String> ASGI = Set.of("uvicorn", "gunicorn", "hypercorn", "daphne");

  private CommandScripts() {}

  static List<String> of(List<String> argv) {
    Set<String> out = new LinkedHashSet<>();
    collect(argv, out, 0);
    return new ArrayList<>(out);
  }

  private static void collect(List<String> argv, Set<String> out, int depth) {
    if (argv.isEmpty() || depth > 3) return;
    String prog = "";
    for (int i = 0; i < argv.size(); i++) {
      String a = argv.get(i);
      String prev = i > 0 ? argv.get(i - 1) : "";
      if (isRunner(base(a))) prog = base(a); // the latest interpreter or server named so far
      if (prev.equals("-c") && isShell(prog)) {
        for (String part : a.split("&&|;|\\|\\||\\|", -1)) collect(List.of(part.trim().split("\\s+", -1)), out, depth + 1);
      } else if (prev.equals("-m") && prog.startsWith("python") && a.matches("[A-Za-z_][\\w.]*")) {
        out.add(a.replace('.', '/') + ".py");
      } else if (ASGI.contains(prog) && a.matches("[A-Za-z_][\\w.]*:[A-Za-z_]\\w*(\\(\\))?")) {
        out.add(a.substring(0, a.indexOf(':')).replace('.', '/') + ".py");
      } else if (isScript(a) && (i > 0 || a.contains("/"))) {
        out.add(a);
      }
    }
  }

  private static boolean isScript(String a) {
    if (a.startsWith("-") || a.contains("://") || a.contains("=") || a.contains("$")) return false;
    String lower = a.toLowerCase(Locale.ROOT);
    for (String e : EXTENSIONS) if (lower.endsWith(e) && lower.length() > e.length()) return true;
    return false;
  }

  private static boolean isRunner(String name) {
    return isShell(name) || name.startsWith("python") || ASGI.contains(name);
  }

  private static boolean isShell(String prog) {
    return prog.equals("sh") || prog.equals("bash") || prog.equals("ash") || prog.equals("dash") || prog.equals("zsh");
  }

  private static String base(String p) {
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
