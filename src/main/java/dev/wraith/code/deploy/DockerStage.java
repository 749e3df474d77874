package dev.wraith.code.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One build stage as far as wraith follows it: where it starts from, its working directory, the names
 * of its ENV variables (never values), what it copies and what it runs. A stage built {@code FROM} an
 * earlier stage starts as a copy of it. Mutable while the Dockerfile is read, then only read.
 */
final class DockerStage {
  /** A COPY or ADD: sources as written, the absolute destination, and the stage it copies from ("" = context). */
  record Copy(List<String> sources, String dest, boolean destIsDir, String from) {
    Copy {
      sources = List.copyOf(sources);
    }
  }

  /** An ENTRYPOINT or CMD: its argv, shell form already wrapped in the stage's SHELL. */
  record Command(List<String> argv, boolean shellForm) {
    Command {
      argv = List.copyOf(argv);
    }
  }

  final int index;
  final String base;
  final String alias;
  final int fromLine;
  final DockerStage parent;
  String workdir = "/";
  List<String> shell = List.of("/bin/sh", "-c");
  final Set<String> env = new LinkedHashSet<>();
  final List<Copy> copies = new ArrayList<>();
  final List<String> runs = new ArrayList<>();
  Command entrypoint;
  Command cmd;
  boolean cmdInherited;

  DockerStage(int index, String base, String alias, int fromLine, DockerStage parent) {
    this.index = index;
    this.base = base;
    this.alias = alias;
    this.fromLine = fromLine;
    this.parent = parent;
    if (parent != null) {
      workdir = parent.workdir;
      shell = parent.shell;
      env.addAll(parent.env);
      copies.addAll(parent.copies);
      entrypoint = parent.entrypoint;
      cmd = parent.cmd;
      cmdInherited = parent.cmd != null;
    }
  }

  /** The external image this stage ultimately starts from (following stage parents). */
  String rootImage() {
    return parent == null ? base : parent.rootImage();
  }

  /** The argv the container runs: ENTRYPOINT then CMD (a shell-form ENTRYPOINT ignores CMD); empty if unknown. */
  List<String> command() {
    List<String> argv = new ArrayList<>();
    if (entrypoint != null) {
      argv.addAll(entrypoint.argv());
      if (entrypoint.shellForm()) return argv;
    }
    if (cmd != null) argv.addAll(cmd.argv());
    return argv;
  }

  /** Sets ENTRYPOINT; as in Docker, a CMD inherited from the base is then reset. */
  void entrypoint(Command c) {
    entrypoint = c;
    if (cmdInherited) cmd = null;
  }

  void cmd(Command c) {
    cmd = c;
    cmdInherited = false;
  }

  /** An absolute, normalised path inside the image for {@code p} written relative to the current WORKDIR. */
  String absolute(String p) {
    return normalise(p.startsWith("/") ? p : workdir + "/" + p);
  }

  static String normalise(String p) {
    List<String> parts = new ArrayList<>();
    for (String s : p.split("/", -1)) {
      if (s.isEmpty() || s.equals(".")) continue;
      if (s.equals("..")) {
        if (!parts.isEmpty()) parts.remove(parts.size() - 1);
      } else {
        parts.add(s);
      }
    }
    return "/" + String.join("/", parts);
  }
}
