package dev.wraith.cmdline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the file an interpreter runs from its argv: {@code python [opts] script.py}, {@code node [opts]
 * app.js}, {@code java [opts] -jar app.jar}, Java's single-file source launch ({@code java [opts] Agent.java},
 * {@code java --source 21 agent}), {@code jbang Agent.java}, {@code ruby}/{@code perl}/{@code php}/{@code bash}/{@code
 * sh} scripts. Inline code ({@code -c}, {@code -e}), modules ({@code python -m}, {@code java -m}) and a Java main class
 * have no file. The path is made absolute against the process's cwd; it is read later through /proc/PID/root. The
 * host and Tetragon layers both use this one reading.
 */
public final class EntryScripts {
  /** Interpreter options that take a separate value, per interpreter family. */
  private static final Set<String> PYTHON_VALUE_OPTS = Set.of("-W", "-X", "-Q", "--check-hash-based-pycs");
  private static final Set<String> NODE_VALUE_OPTS = Set.of("-r", "--require", "--import", "--loader",
      "--experimental-loader", "--env-file", "--title", "--conditions", "-C");
  private static final Set<String> PYTHON_INLINE = Set.of("-c", "-m");
  private static final Set<String> NODE_INLINE = Set.of("-e", "--eval", "-p", "--print");
  /** java launcher options whose value is the next argument (the {@code --opt=value} forms are one argument). */
  private static final Set<String> JAVA_VALUE_OPTS = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
      "--upgrade-module-path", "--add-modules", "--enable-native-access", "--add-reads", "--add-exports", "--add-opens",
      "--limit-modules", "--patch-module", "--source");
  private static final Set<String> JAVA_INLINE = Set.of("-m", "--module", "--describe-module", "-d", "--list-modules",
      "-version", "--version", "-help", "--help", "-h", "-?");

  private EntryScripts() {}

  /** The script argv runs, made absolute against cwd (an unknown cwd, "", counts as "/"). */
  public static Optional<String> scriptPath(List<String> argv, String cwd) {
    if (argv.isEmpty()) return Optional.empty();
    String prog = CommandLine.program(argv.get(0));
    Optional<String> rel = switch (prog) {
      case "python", "pythonw", "pypy" -> firstOperand(argv, PYTHON_VALUE_OPTS, PYTHON_INLINE);
      case "node", "nodejs", "bun", "deno" -> firstOperand(argv, NODE_VALUE_OPTS, NODE_INLINE);
      case "java" -> java(argv);
      case "jbang" -> firstOperand(argv, Set.of("--java", "-j", "--deps", "--cp", "--class-path", "-m", "--main"), Set.of());
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

  /**
   * {@code -jar FILE}; else the first operand when it is a source file ({@code .java}, or anything after
   * {@code --source N}); a main class name or a module ({@code -m}) is no file.
   */
  private static Optional<String> java(List<String> argv) {
    boolean source = false;
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("-jar")) return i + 1 < argv.size() ? Optional.of(argv.get(i + 1)) : Optional.empty();
      if (JAVA_INLINE.contains(a) || a.startsWith("--module=")) return Optional.empty();
      if (a.equals("--source") || a.startsWith("--source=")) source = true;
      if (JAVA_VALUE_OPTS.contains(a)) {
        i++;
        continue;
      }
      if (a.startsWith("-") || a.startsWith("@")) continue; // -Dx=y, -Xmx1g, --enable-preview; @argfiles
      return a.endsWith(".java") || source ? Optional.of(a) : Optional.empty();
    }
    return Optional.empty();
  }

  private static String absolute(String path, String cwd) {
    if (path.startsWith("/")) return path;
    String base = cwd.endsWith("/") ? cwd : cwd + "/";
    return base + (path.startsWith("./") ? path.substring(2) : path);
  }
}
