package dev.wraith.host;

import java.io.IOException;
import java.util.List;

/**
 * The host layer's one port to the world: a read-only view of a proc root. Errors are the platform's:
 * {@link java.nio.file.NoSuchFileException} when the process is gone, {@link
 * java.nio.file.AccessDeniedException} when the reader lacks permission (another uid's fd/ or environ
 * without CAP_SYS_PTRACE). Callers turn them into statuses.
 */
public interface ProcFs {
  /** What this view reads, for reports (e.g. "/proc" or a fixture directory). */
  String describe();

  /** Numeric entries of the root, ascending. */
  List<Integer> pids() throws IOException;

  /** A small text file of a process, e.g. "stat", "status", "cgroup", "net/tcp". */
  String read(int pid, String name) throws IOException;

  /** A file of a process as bytes, at most {@code max} (cmdline, environ). */
  byte[] readBytes(int pid, String name, int max) throws IOException;

  /** The target of a process's symlink, e.g. "exe", "cwd", "ns/net" ("net:[4026531833]"). */
  String readLink(int pid, String name) throws IOException;

  /** fd/ entries as (fd name, link target) pairs, e.g. ("3", "socket:[734980]"). */
  List<String[]> fds(int pid) throws IOException;

  /** A file of the root itself, e.g. "stat" for btime. */
  String readRoot(String name) throws IOException;

  /**
   * A regular file as the process sees it, through /proc/PID/root, at most {@code max} bytes read for the
   * digest. Refuses symlinks anywhere in the path: they would resolve against the reader's root, not the
   * container's, and could make the sensor read (and hash) a file of the node.
   */
  java.security.MessageDigest digestInRoot(int pid, String absolutePath, long max, String algorithm) throws IOException;

  /** A small text file as the process sees it (its /etc/hosts), with the same symlink rule. */
  String readInRoot(int pid, String absolutePath, int max) throws IOException;
}
