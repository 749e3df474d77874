package dev.wraith.code.deploy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Traces a file inside a built image back to the build context: the latest COPY/ADD whose destination
 * covers the path gives its source, and a {@code --from} copy continues in that stage. The result is a path
 * relative to the scanned tree (the build context is taken to be the Dockerfile's directory). Best effort:
 * sources are classified as directories or files by their spelling, since detectors see no filesystem.
 */
final class ScriptSources {
  private static final int MAX_HOPS = 8;
  /** Copy checks per script: stages copying from each other must not make a hostile file expensive. */
  private static final int MAX_CHECKS = 50_000;

  private final DockerBuild build;
  private final String contextDir;
  private int checks;

  ScriptSources(DockerBuild build, String contextDir) {
    this.build = build;
    this.contextDir = contextDir;
  }

  /** The tree path of {@code imagePath} (absolute) as built into {@code stage}, if a copy explains it. */
  Optional<String> source(String imagePath, DockerStage stage) {
    checks = 0;
    return trace(imagePath, stage, 0);
  }

  private Optional<String> trace(String imagePath, DockerStage stage, int hops) {
    if (hops > MAX_HOPS) return Optional.empty();
    List<DockerStage.Copy> copies = stage.copies;
    for (int i = copies.size() - 1; i >= 0; i--) {
      DockerStage.Copy c = copies.get(i);
      for (String src : c.sources()) {
        if (++checks > MAX_CHECKS) return Optional.empty();
        Optional<String> rel = covered(imagePath, src, c);
        if (rel.isEmpty()) continue;
        if (c.from().isEmpty()) return Optional.of(inContext(rel.get()));
        Optional<DockerStage> from = build.stage(c.from());
        Optional<String> traced = from.isPresent() && from.get() != stage
            ? trace(DockerStage.normalise("/" + rel.get()), from.get(), hops + 1) : Optional.empty();
        if (traced.isPresent()) return traced;
        // an external image's files are unknown and a stage may have built the file itself: an earlier
        // copy from the tree is then the better explanation, so keep looking
      }
    }
    return Optional.empty();
  }

  /** The source-side path when copy {@code c} of {@code src} put {@code imagePath} there. */
  private static Optional<String> covered(String imagePath, String src, DockerStage.Copy c) {
    if (src.contains("://")) return Optional.empty();
    String name = imagePath.substring(imagePath.lastIndexOf('/') + 1);
    if (!c.destIsDir() && !isDirectory(src)) return imagePath.equals(c.dest()) ? Optional.of(src) : Optional.empty();
    String prefix = c.dest().equals("/") ? "/" : c.dest() + "/";
    if (!imagePath.startsWith(prefix)) return Optional.empty();
    String rest = imagePath.substring(prefix.length());
    if (src.contains("*")) {
      String dir = src.contains("/") ? src.substring(0, src.lastIndexOf('/') + 1) : "";
      return !rest.contains("/") && glob(src.substring(dir.length())).matcher(name).matches()
          ? Optional.of(dir + rest) : Optional.empty();
    }
    if (isDirectory(src)) return Optional.of(trim(src) + "/" + rest);
    return rest.equals(src.substring(src.lastIndexOf('/') + 1)) ? Optional.of(src) : Optional.empty();
  }

  /** "." or "dir/" or a last segment without an extension reads as a directory. */
  private static boolean isDirectory(String src) {
    String last = trim(src);
    last = last.substring(last.lastIndexOf('/') + 1);
    return src.endsWith("/") || last.isEmpty() || last.equals(".") || !last.contains(".");
  }

  private static String trim(String src) {
    String s = src;
    while (s.endsWith("/") && s.length() > 1) s = s.substring(0, s.length() - 1);
    return s;
  }

  private String inContext(String rel) {
    String joined = DockerStage.normalise((contextDir.isEmpty() ? "" : contextDir + "/") + rel);
    return joined.equals("/") ? "." : joined.substring(1);
  }

  private static Pattern glob(String g) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < g.length(); i++) {
      char ch = g.charAt(i);
      if (ch == '*') b.append("[^/]*");
      else if (ch == '?') b.append("[^/]");
      else b.append(Pattern.quote(String.valueOf(ch)));
    }
    return Pattern.compile(b.toString());
  }
}
