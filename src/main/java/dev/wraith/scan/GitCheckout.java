package dev.wraith.scan;

import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A tree's git identity read from its {@code .git} directory without running git (which would run hooks and config
 * of the tree's choosing): remote URL, commit, branch and the tree's place in the checkout. The directory is hostile
 * input: only regular files are read, each up to a bound; a ref name must look like one; a symbolic-ref chain, a
 * {@code gitdir:} indirection and the walk up to the checkout are bounded. What cannot be read becomes a note, never
 * an exception. Includes and URL rewrites ({@code insteadOf}) of the config are not followed.
 */
final class GitCheckout {
  private static final int SMALL = 4096;
  private static final int CONFIG_BYTES = 1 << 20;
  private static final int PACKED_REFS_BYTES = 64 << 20;
  private static final int MAX_UP = 64;
  private static final int MAX_SYMREFS = 5;
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final Pattern REF = Pattern.compile("refs/[A-Za-z0-9._/+-]{1,240}");

  private final Redactor redactor;

  GitCheckout(Redactor redactor) {
    this.redactor = redactor;
  }

  /** The identity of the tree at {@code root} (prefix as given); empty fields when it is in no git checkout. */
  CodeInventory.Repository identify(Path root, String prefix) {
    List<String> notes = new ArrayList<>();
    Path dir = root.toAbsolutePath().normalize();
    Path top = dir;
    Path dotGit = null;
    for (int i = 0; top != null && i < MAX_UP; i++, top = top.getParent()) {
      if (Files.exists(top.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        dotGit = top.resolve(".git");
        break;
      }
    }
    if (dotGit == null) return new CodeInventory.Repository(prefix, "", "", "", "", List.of());
    String sub = top.relativize(dir).toString().replace('\\', '/');
    Optional<Path> gitDir = gitDir(dotGit, notes);
    if (gitDir.isEmpty()) return new CodeInventory.Repository(prefix, "", "", "", sub, notes);
    Path common = commonDir(gitDir.get(), notes);
    String[] head = head(gitDir.get(), common, notes);
    String url = remote(common, notes).map(redactor::url).orElse("");
    return new CodeInventory.Repository(prefix, url, head[0], head[1], sub, notes);
  }

  /** The git directory: {@code .git} itself, or where a {@code .git} file's {@code gitdir:} line points (worktrees, submodules). */
  private Optional<Path> gitDir(Path dotGit, List<String> notes) {
    if (Files.isDirectory(dotGit, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return Optional.of(dotGit);
    Optional<String> text = read(dotGit, SMALL, notes);
    if (text.isEmpty()) return Optional.empty();
    String line = text.get().strip();
    if (!line.startsWith("gitdir:")) {
      notes.add(dotGit + ": not a git directory or a 'gitdir:' file");
      return Optional.empty();
    }
    Path target = dotGit.getParent().resolve(line.substring("gitdir:".length()).strip()).normalize();
    if (!Files.isDirectory(target)) {
      notes.add(dotGit + ": points to " + target + ", which is not a directory");
      return Optional.empty();
    }
    return Optional.of(target);
  }

  /** A linked worktree's shared directory (config, refs) from its {@code commondir} file, else the git directory. */
  private Path commonDir(Path gitDir, List<String> notes) {
    Path file = gitDir.resolve("commondir");
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return gitDir;
    Optional<String> text = read(file, SMALL, notes);
    if (text.isEmpty()) return gitDir;
    Path common = gitDir.resolve(text.get().strip()).normalize();
    return Files.isDirectory(common) ? common : gitDir;
  }

  /** {commit, branch} from HEAD, following at most {@link #MAX_SYMREFS} symbolic refs. */
  private String[] head(Path gitDir, Path common, List<String> notes) {
    Optional<String> text = read(gitDir.resolve("HEAD"), SMALL, notes);
    String branch = "";
    for (int i = 0; text.isPresent() && i < MAX_SYMREFS; i++) {
      String value = text.get().strip();
      if (COMMIT.matcher(value).matches()) return new String[] {value, branch};
      if (!value.startsWith("ref:")) break;
      String ref = value.substring(4).strip();
      if (!REF.matcher(ref).matches() || ref.contains("..") || ref.contains("//")) {
        notes.add(gitDir.resolve("HEAD") + ": not a valid ref name; commit unknown");
        return new String[] {"", ""};
      }
      if (branch.isEmpty() && ref.startsWith("refs/heads/")) branch = ref.substring("refs/heads/".length());
      text = loose(gitDir, common, ref, notes);
      if (text.isEmpty()) return new String[] {packed(common, ref, notes).orElse(""), branch};
    }
    notes.add(gitDir.resolve("HEAD") + ": no commit found");
    return new String[] {"", branch};
  }

  private Optional<String> loose(Path gitDir, Path common, String ref, List<String> notes) {
    for (Path base : gitDir.equals(common) ? List.of(gitDir) : List.of(gitDir, common)) {
      Path file = base.resolve(ref);
      if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return read(file, SMALL, notes);
    }
    return Optional.empty();
  }

  private Optional<String> packed(Path common, String ref, List<String> notes) {
    Path file = common.resolve("packed-refs");
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
    Optional<String> text = read(file, PACKED_REFS_BYTES, notes);
    if (text.isEmpty()) return Optional.empty();
    for (String line : text.get().split("\n", 0)) {
      int sp = line.indexOf(' ');
      if (sp > 0 && line.substring(sp + 1).strip().equals(ref) && COMMIT.matcher(line.substring(0, sp)).matches()) {
        return Optional.of(line.substring(0, sp));
      }
    }
    return Optional.empty();
  }

  /** The URL of remote "origin", else of the first remote by name, from the config's {@code [remote "NAME"]} sections. */
  private Optional<String> remote(Path common, List<String> notes) {
    Path file = common.resolve("config");
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
    Optional<String> text = read(file, CONFIG_BYTES, notes);
    if (text.isEmpty()) return Optional.empty();
    TreeMap<String, String> urls = new TreeMap<>();
    String remote = null;
    for (String raw : text.get().split("\n", 0)) {
      String line = raw.strip();
      if (line.startsWith("[")) {
        var m = Pattern.compile("\\[\\s*remote\\s+\"([^\"]{1,200})\"\\s*]").matcher(line);
        remote = m.matches() ? m.group(1) : null;
        continue;
      }
      int eq = line.indexOf('=');
      if (remote == null || eq < 0 || !line.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("url")) continue;
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
      urls.putIfAbsent(remote, value);
    }
    if (urls.containsKey("origin")) return Optional.of(urls.get("origin"));
    return urls.isEmpty() ? Optional.empty() : Optional.of(urls.firstEntry().getValue());
  }

  /**
   * A regular file's text, up to {@code max} bytes; anything else (a FIFO, a device, a directory, a symbolic link loop,
   * a larger file) is a note and nothing is read.
   */
  private static Optional<String> read(Path file, int max, List<String> notes) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        notes.add(file + ": not a regular file; not read");
        return Optional.empty();
      }
      if (a.size() > max) {
        notes.add(file + ": larger than " + max + " bytes; not read");
        return Optional.empty();
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
          notes.add(file + ": larger than " + max + " bytes; not read");
          return Optional.empty();
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      notes.add(file + ": cannot be read; not used");
      return Optional.empty();
    }
  }
}
