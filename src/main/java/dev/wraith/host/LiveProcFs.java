package dev.wraith.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ProcFs} over a directory: the live /proc, a host /proc mounted elsewhere (a DaemonSet's
 * /host/proc), or a fixture tree laid out the same way (symlinks for exe, cwd, ns/*, fd/*; a root/
 * directory standing in for the magic root link). Read-only: it opens nothing for writing.
 */
public final class LiveProcFs implements ProcFs {
  private final Path root;

  public LiveProcFs(Path root) {
    this.root = root;
  }

  @Override
  public String describe() {
    return root.toString();
  }

  @Override
  public List<Integer> pids() throws IOException {
    // File.list gives bare names: no Path per entry, which matters at 1,000 processes and 5 samples a second
    String[] names = root.toFile().list();
    if (names == null) throw new IOException("cannot list " + root);
    List<Integer> pids = new ArrayList<>(names.length);
    for (String n : names) {
      if (!n.isEmpty() && n.length() < 11 && n.charAt(0) >= '0' && n.charAt(0) <= '9' && n.chars().allMatch(Character::isDigit)) {
        pids.add(Integer.parseInt(n));
      }
    }
    pids.sort(null);
    return pids;
  }


  @Override
  public String read(int pid, String name) throws IOException {
    return Files.readString(root.resolve(Integer.toString(pid)).resolve(name), StandardCharsets.ISO_8859_1);
  }

  @Override
  public byte[] readBytes(int pid, String name, int max) throws IOException {
    try (InputStream in = Files.newInputStream(root.resolve(Integer.toString(pid)).resolve(name))) {
      return in.readNBytes(max);
    }
  }

  @Override
  public String readLink(int pid, String name) throws IOException {
    return Files.readSymbolicLink(root.resolve(Integer.toString(pid)).resolve(name)).toString();
  }

  @Override
  public List<String[]> fds(int pid) throws IOException {
    List<String[]> out = new ArrayList<>();
    Path fd = root.resolve(Integer.toString(pid)).resolve("fd");
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(fd)) {
      for (Path p : dir) {
        try {
          out.add(new String[] {p.getFileName().toString(), Files.readSymbolicLink(p).toString()});
        } catch (FileSystemException e) {
          // the fd was closed between listing and reading: not an error, the socket is gone too
        }
      }
    }
    return out;
  }

  @Override
  public String readRoot(String name) throws IOException {
    return Files.readString(root.resolve(name), StandardCharsets.ISO_8859_1);
  }

  @Override
  public MessageDigest digestInRoot(int pid, String absolutePath, long max, String algorithm) throws IOException {
    Path file = inRoot(pid, absolutePath);
    MessageDigest md;
    try {
      md = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException(algorithm, e);
    }
    if (Files.size(file) > max) throw new FileTooLarge(absolutePath, max);
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    }
    return md;
  }

  @Override
  public String readInRoot(int pid, String absolutePath, int max) throws IOException {
    try (InputStream in = Files.newInputStream(inRoot(pid, absolutePath), LinkOption.NOFOLLOW_LINKS)) {
      return new String(in.readNBytes(max), StandardCharsets.UTF_8);
    }
  }

  /** The file under /proc/PID/root, checked component by component: no symlinks, a regular file at the end. */
  private Path inRoot(int pid, String absolutePath) throws IOException {
    if (!absolutePath.startsWith("/")) throw new IllegalArgumentException("not absolute: " + absolutePath);
    Path p = root.resolve(Integer.toString(pid)).resolve("root");
    for (String part : absolutePath.substring(1).split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) throw new FileSystemException(absolutePath, null, "'..' in path, not followed");
      p = p.resolve(part);
      if (Files.isSymbolicLink(p)) throw new FileSystemException(absolutePath, null, "symlink in path, not followed");
    }
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) throw new java.nio.file.NoSuchFileException(absolutePath);
      throw new FileSystemException(absolutePath, null, "not a regular file");
    }
    return p;
  }

  /** The file is larger than the sensor will read. */
  public static final class FileTooLarge extends FileSystemException {
    FileTooLarge(String file, long max) {
      super(file, null, "larger than " + max + " bytes, not hashed");
    }
  }
}
