package dev.wraith.code;

import dev.wraith.catalogue.WalkerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/** The walker as it was, on {@link Files#walkFileTree}: the oracle {@link WalkerTest} holds the walker to. */
final class WalkFileTreeWalker {

  private final WalkerSettings settings;
  private final IgnoreRules excludes;
  private final boolean defaultExcludes;

  WalkFileTreeWalker(WalkerSettings settings, List<String> excludePatterns, boolean defaultExcludes) {
    this.settings = settings;
    this.excludes = IgnoreRules.parse("", String.join("\n", excludePatterns));
    this.defaultExcludes = defaultExcludes;
  }

  /**
   * Walks {@code root}, handing each file to {@code sink} as soon as it is found, so reading can overlap
   * the walk.
   */
  Walker.Result walk(Path root, java.util.function.Consumer<Walker.Entry> sink) throws IOException {
    long[] files = {0};
    List<String> warnings = new ArrayList<>();
    long[] skipped = {0};
    if (Files.isRegularFile(root)) {
      sink.accept(new Walker.Entry(root, root.getFileName().toString(), Files.size(root)));
      return new Walker.Result(1, 0, warnings);
    }
    Set<String> skipDirs = defaultExcludes ? Set.copyOf(settings.skipDirs()) : Set.of();
    Deque<IgnoreRules> gitignores = new ArrayDeque<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        String rel = relative(root, dir);
        if (!rel.isEmpty()) {
          String name = dir.getFileName().toString();
          if (skipDirs.contains(name) || (defaultExcludes && isVendored(dir)) || ignored(rel, true)) {
            skipped[0]++;
            return FileVisitResult.SKIP_SUBTREE;
          }
        }
        gitignores.push(readGitignore(dir, rel, warnings));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
        if (exc != null) warnings.add(relative(root, dir) + ": could not list directory: " + exc.getMessage());
        gitignores.pop();
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String rel = relative(root, file);
        if (!attrs.isRegularFile() || ignored(rel, false) || (defaultExcludes && isGenerated(rel))) {
          skipped[0]++;
          return FileVisitResult.CONTINUE;
        }
        files[0]++;
        sink.accept(new Walker.Entry(file, rel, attrs.size()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        warnings.add(relative(root, file) + ": cannot read: " + exc.getClass().getSimpleName() + " " + exc.getMessage());
        skipped[0]++;
        return FileVisitResult.CONTINUE;
      }

      private boolean ignored(String rel, boolean isDir) {
        Boolean v = excludes.verdict(rel, isDir);
        if (v != null) return v;
        for (IgnoreRules r : gitignores) { // innermost first: deeper .gitignore files win
          Boolean g = r.verdict(rel, isDir);
          if (g != null) return g;
        }
        return false;
      }
    });
    return new Walker.Result(files[0], skipped[0], warnings);
  }

  private boolean isGenerated(String rel) {
    for (String s : settings.generatedSuffixes()) if (rel.endsWith(s)) return true;
    return false;
  }

  /** A Python virtualenv or a Go vendor tree: third-party code copied into the repository. */
  private static boolean isVendored(Path dir) {
    return Files.isRegularFile(dir.resolve("pyvenv.cfg"))
        || (dir.getFileName().toString().equals("vendor") && Files.isRegularFile(dir.resolve("modules.txt")));
  }

  private static IgnoreRules readGitignore(Path dir, String rel, List<String> warnings) {
    Path gi = dir.resolve(".gitignore");
    if (!Files.isRegularFile(gi)) return IgnoreRules.parse(rel, "");
    try {
      if (Files.size(gi) > (1 << 20)) {
        warnings.add(rel + "/.gitignore: larger than 1 MiB, not honoured");
        return IgnoreRules.parse(rel, "");
      }
      return IgnoreRules.parse(rel, new String(Files.readAllBytes(gi), StandardCharsets.UTF_8));
    } catch (IOException e) {
      warnings.add(rel + "/.gitignore: cannot read: " + e.getMessage());
      return IgnoreRules.parse(rel, "");
    }
  }

  static String relative(Path root, Path p) {
    String s = root.relativize(p).toString();
    return java.io.File.separatorChar == '/' ? s : s.replace(java.io.File.separatorChar, '/');
  }
}
