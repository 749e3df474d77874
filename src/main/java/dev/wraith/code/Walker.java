package dev.wraith.code;

import dev.wraith.catalogue.WalkerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Lists the regular files of a tree that a scan should read. Never follows symbolic links (so never
 * loops), skips special files, honours nested .gitignore files, the user's excludes and the catalogue's
 * vendored/generated defaults. Problems (unreadable directories) become warnings.
 *
 * <p>The walk is depth-first in directory order, as {@link Files#walkFileTree} walks (and with its warnings),
 * but cheaper per entry, since it runs on one thread while the workers read: relative paths are built from the
 * names on the way down instead of relativising every path, and an entry's attributes are read relative to its open
 * directory (no walk of the whole path per entry). Directories are listed lazily, as walkFileTree lists them, so
 * a directory of millions of entries costs no memory; the open directories are one per level of depth.
 */
public final class Walker {
  /** A file to read: absolute path, path relative to the scan root, size in bytes. */
  public record Entry(Path file, String relative, long size) {}

  /** The walk's outcome: how many files were handed on and skipped, and what went wrong. */
  public record Result(long files, long skipped, List<String> warnings) {}

  private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final WalkerSettings settings;
  private final IgnoreRules excludes;
  private final boolean defaultExcludes;

  public Walker(WalkerSettings settings, List<String> excludePatterns, boolean defaultExcludes) {
    this.settings = settings;
    this.excludes = IgnoreRules.parse("", String.join("\n", excludePatterns));
    this.defaultExcludes = defaultExcludes;
  }

  /**
   * Walks {@code root}, handing each file to {@code sink} as soon as it is found, so reading can overlap
   * the walk.
   */
  public Result walk(Path root, Consumer<Entry> sink) throws IOException {
    if (Files.isRegularFile(root)) {
      sink.accept(new Entry(root, root.getFileName().toString(), Files.size(root)));
      return new Result(1, 0, new ArrayList<>());
    }
    Walk w = new Walk(sink, defaultExcludes ? Set.copyOf(settings.skipDirs()) : Set.of());
    w.run(root);
    return new Result(w.files, w.skipped, w.warnings);
  }

  /** One walk: an explicit stack of open directories (innermost on top), so no depth of tree can overflow a stack. */
  private final class Walk {
    /** A directory being listed: its open stream, read lazily (a huge directory is never held in memory), and its .gitignore rules. */
    private static final class Frame {
      final String rel;
      final DirectoryStream<Path> stream;
      final Iterator<Path> entries;
      final IgnoreRules gitignore;
      IOException listError;

      Frame(String rel, DirectoryStream<Path> stream, IgnoreRules gitignore) {
        this.rel = rel;
        this.stream = stream;
        this.entries = stream.iterator();
        this.gitignore = gitignore;
      }

      /** The next entry, or null at the end or when listing failed (the failure is kept for the warning). */
      Path next() {
        try {
          return entries.hasNext() ? entries.next() : null;
        } catch (DirectoryIteratorException e) {
          listError = e.getCause();
          return null;
        }
      }
    }

    private final Consumer<Entry> sink;
    private final Set<String> skipDirs;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final List<String> warnings = new ArrayList<>();
    private long files, skipped;

    Walk(Consumer<Entry> sink, Set<String> skipDirs) {
      this.sink = sink;
      this.skipDirs = skipDirs;
    }

    void run(Path root) {
      try {
        visit(root, "", Files.readAttributes(root, BasicFileAttributes.class, NO_FOLLOW));
        while (!open.isEmpty()) {
          Frame top = open.peek();
          Path entry = top.next();
          if (entry != null) {
            String rel = child(top.rel, entry);
            try {
              visit(entry, rel, attributes(top.stream, entry));
            } catch (IOException e) {
              failed(rel, e);
            }
          } else {
            close(open.pop());
          }
        }
      } catch (IOException e) {
        failed("", e);
      } finally {
        while (!open.isEmpty()) closeQuietly(open.pop().stream); // only when the sink threw
      }
    }

    private void visit(Path path, String rel, BasicFileAttributes attrs) {
      if (attrs.isDirectory()) {
        enter(path, rel);
      } else if (!attrs.isRegularFile() || ignored(rel, false) || (defaultExcludes && isGenerated(rel))) {
        skipped++;
      } else {
        files++;
        sink.accept(new Entry(path, rel, attrs.size()));
      }
    }

    /** Opens a directory (a failure is the directory's warning, as with walkFileTree), then lists it unless skipped. */
    private void enter(Path dir, String rel) {
      DirectoryStream<Path> stream;
      try {
        stream = Files.newDirectoryStream(dir);
      } catch (IOException e) {
        failed(rel, e);
        return;
      }
      if (!rel.isEmpty() && (skipDirs.contains(dir.getFileName().toString()) || (defaultExcludes && isVendored(dir))
          || ignored(rel, true))) {
        skipped++;
        closeQuietly(stream);
        return;
      }
      open.push(new Frame(rel, stream, readGitignore(dir, rel)));
    }

    private void close(Frame f) {
      IOException exc = f.listError;
      try {
        f.stream.close();
      } catch (IOException e) {
        if (exc == null) exc = e;
      }
      if (exc != null) warnings.add(f.rel + ": could not list directory: " + exc.getMessage());
    }

    private void failed(String rel, IOException exc) {
      warnings.add(dev.wraith.files.FileProblem.describeAs(exc, Path.of(rel), "reading") + "; skipped");
      skipped++;
    }

    private boolean ignored(String rel, boolean isDir) {
      Boolean v = excludes.verdict(rel, isDir);
      if (v != null) return v;
      for (Frame f : open) { // innermost first: deeper .gitignore files win
        Boolean g = f.gitignore.verdict(rel, isDir);
        if (g != null) return g;
      }
      return false;
    }

    private IgnoreRules readGitignore(Path dir, String rel) {
      Path gi = dir.resolve(".gitignore");
      if (!Files.isRegularFile(gi)) return IgnoreRules.parse(rel, "");
      try {
        if (Files.size(gi) > (1 << 20)) {
          warnings.add(rel + "/.gitignore: larger than 1 MiB, not honoured");
          return IgnoreRules.parse(rel, "");
        }
        return IgnoreRules.parse(rel, new String(Files.readAllBytes(gi), StandardCharsets.UTF_8));
      } catch (IOException e) {
        warnings.add(dev.wraith.files.FileProblem.describeAs(e, Path.of(rel, ".gitignore"), "reading") + "; not honoured");
        return IgnoreRules.parse(rel, "");
      }
    }
  }

  /**
   * An entry's attributes, not following links: relative to its open directory where the platform can
   * (fstatat), else (or when that fails, so that the error names the whole path) by path.
   */
  private static BasicFileAttributes attributes(DirectoryStream<Path> dir, Path entry) throws IOException {
    if (dir instanceof SecureDirectoryStream<Path> secure) {
      try {
        return secure.getFileAttributeView(entry.getFileName(), BasicFileAttributeView.class, NO_FOLLOW).readAttributes();
      } catch (IOException e) {
        // fall through: the same question by path gives the same answer, with the usual message
      }
    }
    return Files.readAttributes(entry, BasicFileAttributes.class, NO_FOLLOW);
  }

  private static String child(String parentRel, Path entry) {
    String name = entry.getFileName().toString();
    return parentRel.isEmpty() ? name : parentRel + "/" + name;
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

  private static void closeQuietly(DirectoryStream<Path> stream) {
    try {
      stream.close();
    } catch (IOException e) {
      // nothing was read from it
    }
  }
}
