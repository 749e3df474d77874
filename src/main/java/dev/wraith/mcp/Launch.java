package dev.wraith.mcp;

import dev.wraith.model.McpPackage;
import dev.wraith.catalogue.ImageName;
import java.util.List;
import java.util.Set;

/**
 * Reads the package a stdio command runs: {@code npx}/{@code bunx} {@code pkg[@ver]}, {@code uvx pkg[==ver]} or
 * {@code uvx --from pkg}, {@code pipx run pkg}, {@code docker}/{@code podman run [flags] IMAGE}, a local script
 * (a path, or an interpreter with a script argument), else the bare program. Windows' {@code cmd /c X ...} is read as
 * {@code X ...}. Works on the raw (unmasked) words,
 * but returns only names and versions, which are not secrets.
 */
final class Launch {
  private static final Set<String> DOCKER_VALUE_FLAGS = Set.of("-e", "--env", "--env-file", "-v", "--volume", "--mount", "--name",
      "-p", "--publish", "--network", "--net", "-w", "--workdir", "--entrypoint", "-u", "--user", "-l", "--label", "--platform",
      "--pull", "-m", "--memory", "--cpus", "--add-host", "-h", "--hostname", "--cap-add", "--cap-drop", "--device", "--restart",
      "--ulimit", "--tmpfs", "--security-opt", "--dns", "--log-driver", "--log-opt", "--ipc", "--pid", "--gpus", "--shm-size",
      "--user-data", "--runtime", "--cidfile", "--stop-signal", "--stop-timeout", "--health-cmd", "--group-add", "--expose");
  private static final Set<String> UV_VALUE_FLAGS = Set.of("--from", "--with", "--python", "-p", "--index-url", "--extra-index-url",
      "--index", "--spec", "--pip-args", "-w", "--with-editable", "--with-requirements", "-c", "--constraints");
  private static final Set<String> NPX_VALUE_FLAGS = Set.of("-p", "--package", "-c", "--call", "--registry", "--cache");
  private static final Set<String> INTERPRETERS = Set.of("node", "python", "python3", "deno", "bun", "sh", "bash", "ruby", "java", "tsx", "ts-node");

  private Launch() {}

  static McpPackage of(String command, List<String> args) {
    if (command.isBlank()) return McpPackage.NONE;
    String program = basename(command).replaceFirst("(?i)\\.(cmd|exe)$", "");
    return switch (program) {
      case "npx", "bunx" -> npm(args);
      case "uvx" -> pypi(args, 0);
      case "pipx" -> args.isEmpty() || !args.get(0).equals("run") ? program(command) : pypi(args, 1);
      case "cmd" -> args.size() > 1 && args.get(0).equalsIgnoreCase("/c") ? of(args.get(1), args.subList(2, args.size())) : program(command);
      case "docker", "podman" -> args.isEmpty() || !args.get(0).equals("run") ? program(command) : image(args);
      default -> local(command, program, args);
    };
  }

  private static McpPackage npm(List<String> args) {
    String pkg = option(args, Set.of("-p", "--package"));
    if (pkg.isEmpty()) pkg = firstOperand(args, 0, NPX_VALUE_FLAGS);
    if (pkg.isEmpty()) return McpPackage.NONE;
    int at = pkg.indexOf('@', pkg.startsWith("@") ? 1 : 0);
    return at < 0 ? new McpPackage(McpPackage.Ecosystem.NPM, pkg, "")
        : new McpPackage(McpPackage.Ecosystem.NPM, pkg.substring(0, at), pkg.substring(at + 1));
  }

  private static McpPackage pypi(List<String> args, int start) {
    String spec = option(args, Set.of("--from", "--spec"));
    if (spec.isEmpty()) spec = firstOperand(args, start, UV_VALUE_FLAGS);
    if (spec.isEmpty()) return McpPackage.NONE;
    String[] parts = spec.split("==|@|>=|<=|~=|>|<", 2);
    String name = parts[0].replaceFirst("\\[.*$", "").trim();
    String version = parts.length > 1 && (spec.contains("==") || spec.contains("@")) ? parts[1].trim() : "";
    return new McpPackage(McpPackage.Ecosystem.PYPI, name, version);
  }

  private static McpPackage image(List<String> args) {
    String image = firstOperand(args, 1, DOCKER_VALUE_FLAGS);
    if (image.isEmpty()) return McpPackage.NONE;
    String repo = ImageName.repository(image);
    String rest = image.trim().toLowerCase(java.util.Locale.ROOT).substring(repo.length());
    String version = rest.startsWith(":") || rest.startsWith("@") ? rest.substring(1) : "";
    return new McpPackage(McpPackage.Ecosystem.IMAGE, repo, version);
  }

  private static McpPackage local(String command, String program, List<String> args) {
    if (isPath(command)) return new McpPackage(McpPackage.Ecosystem.LOCAL, command, "");
    if (INTERPRETERS.contains(program)) {
      String script = firstOperand(args, 0, Set.of("-m", "-e", "-c", "-r", "--require", "-cp", "-classpath"));
      if (args.contains("-m") && !args.isEmpty()) return new McpPackage(McpPackage.Ecosystem.LOCAL, "-m " + option(args, Set.of("-m")), "");
      if (!script.isEmpty()) return new McpPackage(McpPackage.Ecosystem.LOCAL, script, "");
    }
    return program(command);
  }

  private static McpPackage program(String command) {
    return new McpPackage(McpPackage.Ecosystem.PROGRAM, command, "");
  }

  /** The value of the first of these options, as {@code --opt value} or {@code --opt=value}. */
  private static String option(List<String> args, Set<String> names) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (names.contains(a) && i + 1 < args.size()) return args.get(i + 1);
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0 && names.contains(a.substring(0, eq))) return a.substring(eq + 1);
    }
    return "";
  }

  /** The first word from {@code start} that is neither a flag nor the value of a flag that takes one. */
  private static String firstOperand(List<String> args, int start, Set<String> valueFlags) {
    for (int i = start; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) return i + 1 < args.size() ? args.get(i + 1) : "";
      if (!a.startsWith("-")) return a;
      if (valueFlags.contains(a)) i++;
    }
    return "";
  }

  static boolean isPath(String word) {
    return word.startsWith("/") || word.startsWith("./") || word.startsWith("../") || word.startsWith("~")
        || word.contains("\\") || word.matches("[A-Za-z]:.*") || word.contains("/");
  }

  private static String basename(String command) {
    return command.substring(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1);
  }
}
