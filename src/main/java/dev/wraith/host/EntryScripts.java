package dev.wraith.host;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the file an interpreter runs from its argv: {@code python [opts] script.py}, {@code node [opts]
 * app.js}, {@code java [opts] -jar app.jar}, {@code ruby}/{@code perl}/{@code php}/{@code bash}/{@code sh}
 * scripts. Inline code ({@code -c}, {@code -e}) and modules ({@code python -m}) have no file. The path is
 * made absolute against the process's cwd; it is read later through /proc/PID/root.
 */
public final class EntryScripts {
  /** Interpreter options that take a separate value, per interpreter family. */
  private static final Set<String> PYTHON_VALUE_OPTS = Set.of("-W", "-X", "-Q", "--check-hash-based-pycs");
  private static final Set<String> NODE_VALUE_OPTS = Set.of("-r", "--require", "--import", "--loader",
      "--experimental-loader", "--env-file", "--title", "--conditions", "-C");
  private static final Set<String> PYTHON_INLINE = Set.of("-c", "-m");
  private static final Set<String> NODE_INLINE = Set.of("-e", "--eval", "-p", "--print");

  private EntryScripts() {}

  /** The script argv runs, made absolute against cwd; shared with the Tetragon layer. */
  public static Optional<String> scriptPath(List<String> argv, String cwd) {
    if (argv.isEmpty()) return Optional.empty();
    String prog = CommandLine.program(argv.get(0));
    Optional<String> rel = switch (prog) {
      case "python", "pythonw", "pypy" -> firstOperand(argv, PYTHON_VALUE_OPTS, PYTHON_INLINE);
      case "node", "nodejs", "bun", "deno" -> firstOperand(argv, NODE_VALUE_OPTS, NODE_INLINE);
      case "java" -> jar(argv);
      case "ruby", "perl", "php", "bash", "sh", "dash", "zsh" -> firstOperand(argv, Set.of(), Set.of("-c", "-e", "-r"));
      default -> Optional.empty();
    };
    return rel.filter(p -> !p.equals("-")).map(p -> absolute(p, cwd));
  }

  private static Optional<String> firstOperand(List<String> argv, Set<String> valueOpts, Set<String> inline) {
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("--")) return i + 1 < argv.size() ? Optional.of(argv.get(i + 1)) : Optional.empty();
      if (!a.startsWith("-") || a.equals("-")) return Optional.of(a);
      if (inline.contains(a) || (isShortCluster(a) && (inline.contains(a.substring(0, 2)) || inline.contains("-" + a.charAt(a.length() - 1))))) {
        return Optional.empty();
      }
      if (valueOpts.contains(a)) i++;
    }
    return Optional.empty();
  }

  /** "-uc" is "-u -c"; "-Wignore" is "-W ignore" (the inline check then sees "-W"). */
  private static boolean isShortCluster(String a) {
    return a.length() > 2 && !a.startsWith("--");
  }

  private static Optional<String> jar(List<String> argv) {
    for (int i = 1; i + 1 < argv.size(); i++) if (argv.get(i).equals("-jar")) return Optional.of(argv.get(i + 1));
    return Optional.empty();
  }

  private static String absolute(String path, String cwd) {
    if (path.startsWith("/")) return path;
    String base = cwd.endsWith("/") ? cwd : cwd + "/";
    return base + (path.startsWith("./") ? path.substring(2) : path);
  }
}
