package dev.wraith.scan;

import dev.wraith.code.CodeScanner.NamedRoot;
import dev.wraith.correlate.Correlator;
import dev.wraith.model.CodeScan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 of the code files an entry script could be matched against ({@link Correlator#hashCandidates}), keyed by the
 * path the code layer reports. A path is read only inside the root whose prefix it carries, never outside a root (no
 * absolute path, no "..": a manifest's container path such as {@code /app/main.py} is not a file of the tree), never
 * through a symbolic link, and not when it is not a regular file or larger than {@link #MAX_HASHED_BYTES}.
 */
final class CodeHashes {
  /** Code files larger than this are not hashed (scripts are small; bundles are not). */
  static final long MAX_HASHED_BYTES = 8L << 20;

  private CodeHashes() {}

  /** The hashes of {@code code}'s candidates, each looked up in the root whose prefix its path carries. */
  static Map<String, String> of(CodeScan code, List<NamedRoot> roots) {
    Map<String, String> out = new TreeMap<>();
    for (String rel : Correlator.hashCandidates(code)) {
      if (!inside(rel)) continue;
      for (NamedRoot root : roots) {
        String prefix = root.prefix().isEmpty() ? "" : root.prefix() + "/";
        if (!rel.startsWith(prefix)) continue;
        Path p = root.root().resolve(rel.substring(prefix.length()));
        try {
          if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.size(p) > MAX_HASHED_BYTES) continue;
          out.put(rel, sha256(p));
          break;
        } catch (IOException | RuntimeException e) {
          // unreadable now: matched by path alone
        }
      }
    }
    return out;
  }

  /** The roots of a scan as the code layer named them: one root unprefixed, several by {@code CodeScanner.rootName}. */
  static List<NamedRoot> named(List<Path> roots) {
    return roots.stream().map(r -> new NamedRoot(r, roots.size() > 1 ? dev.wraith.code.CodeScanner.rootName(r) : "")).toList();
  }

  /** A relative path that stays inside its root. */
  static boolean inside(String rel) {
    if (rel.isEmpty() || rel.startsWith("/") || rel.contains("\\") || rel.contains("\0")) return false;
    for (String segment : rel.split("/", 0)) if (segment.equals("..")) return false;
    return true;
  }

  private static String sha256(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[65536];
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
