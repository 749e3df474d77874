package dev.wraith.host.ebpf;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a cgroup v2 id (what the kernel reports with each event: the inode of the cgroup's directory) to the
 * cgroup's path under the v2 hierarchy, so a process that has already exited still has a pod and container.
 * The hierarchy is walked again when an id is unknown, at most once per {@link #RESCAN_NANOS}; at most
 * {@link #MAX_CGROUPS} directories are kept.
 */
final class CgroupIds {
  static final long RESCAN_NANOS = 2_000_000_000L;
  static final int MAX_CGROUPS = 200_000, MAX_DEPTH = 16;

  private final Optional<Path> root;
  private Map<Long, String> byId = Map.of();
  private long scannedAt = Long.MIN_VALUE;

  CgroupIds(Optional<Path> root) {
    this.root = root;
  }

  /**
   * The cgroup v2 mount as the node's init sees it, through {@code procRoot}: its mountinfo names the mount
   * point, read through /proc/1/root so a sensor in a container sees the host's hierarchy, not its own.
   */
  static Optional<Path> v2Root(Path procRoot) {
    try {
      for (String line : Files.readAllLines(procRoot.resolve("1/mountinfo"))) {
        int dash = line.indexOf(" - ");
        if (dash < 0 || !line.startsWith("cgroup2 ", dash + 3)) continue;
        String mountPoint = line.split(" ", -1)[4].replace("\\040", " ");
        Path p = procRoot.resolve("1/root").resolve(mountPoint.substring(1));
        if (Files.isDirectory(p)) return Optional.of(p);
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The path of cgroup {@code id} relative to the hierarchy ("/kubepods.slice/..."), if known. */
  Optional<String> path(long id) {
    String p = byId.get(id);
    if (p == null && root.isPresent() && System.nanoTime() - scannedAt > RESCAN_NANOS) {
      scan(root.get());
      p = byId.get(id);
    }
    return Optional.ofNullable(p);
  }

  private void scan(Path top) {
    scannedAt = System.nanoTime();
    Map<Long, String> found = new HashMap<>();
    try {
      Files.walkFileTree(top, java.util.Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          if (found.size() >= MAX_CGROUPS) return FileVisitResult.TERMINATE;
          Object ino = Files.getAttribute(dir, "unix:ino", LinkOption.NOFOLLOW_LINKS);
          String rel = top.relativize(dir).toString();
          found.put((Long) ino, "/" + rel);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // a cgroup removed during the walk
        }
      });
    } catch (IOException | RuntimeException e) {
      // keep what was found
    }
    byId = found;
  }
}
