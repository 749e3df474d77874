package dev.wraith.code.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the native parser library bundled for this platform and loads it from a private cache directory.
 *
 * <p>The jar carries {@code dev/wraith/code/parser/native/<os>-<arch>/libwraith-ts.<so|dylib>} and its SHA-256.
 * The library is copied to {@code <cache>/wraith/native/libwraith-ts-<sha256>.<ext>}, where the cache is
 * {@code $XDG_CACHE_HOME} or {@code ~/.cache} ({@code ~/Library/Caches} on macOS). The directories are made
 * owner-only (0700) and must be owned by the user running wraith; a copy is written to a temporary file in the
 * same directory, checked against the hash, and renamed into place atomically, so two wraith processes racing
 * each other both load a complete file. An existing copy is reused when it has the expected size: whoever can
 * change a file in the user's own 0700 directory can already run code as the user, and hashing 18 MB on every
 * start would cost a third of a second.
 */
final class NativeLibrary {
  private static final String RESOURCE = "/dev/wraith/code/parser/native/";
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private NativeLibrary() {}

  /** Loads the library; throws with a reason a user can act on when there is none or it cannot be loaded. */
  static void load() throws IOException {
    System.load(installIn(cacheDirectory()).toAbsolutePath().toString());
  }

  /**
   * The library's copy in {@code dir} (a private directory), written there first when it is missing or its
   * content does not have the expected hash; safe when several processes do this at once.
   */
  static Path installIn(Path dir) throws IOException {
    String platform = platform();
    String ext = platform.startsWith("macos") ? "dylib" : "so";
    String base = RESOURCE + platform + "/libwraith-ts." + ext;
    String expected = expectedHash(base + ".sha256", platform);
    Path lib = dir.resolve("libwraith-ts-" + expected + "." + ext);
    if (!Files.isRegularFile(lib, LinkOption.NOFOLLOW_LINKS) || Files.size(lib) != resourceSize(base)) {
      install(base, lib, expected);
    }
    removeStaleTemporaries(dir);
    return lib;
  }

  /** {@code linux-x86_64}, {@code linux-aarch64}, {@code macos-aarch64}, {@code macos-x86_64}, ... */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.startsWith("mac") ? "macos" : os.startsWith("linux") ? "linux" : os.replace(' ', '_');
    String a = switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      default -> arch;
    };
    return o + "-" + a;
  }

  private static String expectedHash(String resource, String platform) throws IOException {
    try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
      if (in == null) throw new IOException("this build has no native parser for " + platform);
      String hash = new String(in.readNBytes(256), StandardCharsets.US_ASCII).trim();
      if (!hash.matches("[0-9a-f]{64}")) throw new IOException("the native parser's checksum file is malformed");
      return hash;
    }
  }

  /** The user's cache directory, or (no usable home) a per-user directory in java.io.tmpdir; both owner-only. */
  private static Path cacheDirectory() throws IOException {
    String user = currentUser();
    String home = System.getProperty("user.home", "");
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path root;
    if (platform().startsWith("macos")) root = Path.of(home, "Library", "Caches");
    else if (xdg != null && Path.of(xdg).isAbsolute()) root = Path.of(xdg);
    else root = Path.of(home, ".cache");
    try {
      return privateDirectory(privateDirectory(root.resolve("wraith"), user).resolve("native"), user);
    } catch (IOException e) {
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "wraith-" + user.replaceAll("[^A-Za-z0-9_.-]", "_"));
      return privateDirectory(tmp, user);
    }
  }

  /** The name of the user this process runs as, as the file system reports owners. */
  static String currentUser() throws IOException {
    Path probe = Files.createTempFile("wraith-owner-", ".tmp");
    try {
      return Files.getOwner(probe).getName();
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /** Creates the directory owner-only, or checks an existing one is ours (not a link) and makes it owner-only. */
  static Path privateDirectory(Path dir, String user) throws IOException {
    try {
      Files.createDirectories(dir.getParent());
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (FileAlreadyExistsException e) {
      // checked below
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new IOException(dir + " is not a directory");
    String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
    if (!owner.equals(user)) throw new IOException(dir + " belongs to " + owner + ", not to the user running wraith");
    if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(dir, OWNER_ONLY);
    }
    return dir;
  }

  private static long resourceSize(String resource) throws IOException {
    java.net.URL url = NativeLibrary.class.getResource(resource);
    if (url == null) throw new IOException("the native parser library is missing from this build");
    return url.openConnection().getContentLengthLong();
  }

  /** Copies the library out of the jar to a temporary file, checks its hash, renames it into place. */
  private static void install(String resource, Path lib, String expected) throws IOException {
    Path tmp = Files.createTempFile(lib.getParent(), "libwraith-ts-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
      if (in == null) throw new IOException("the native parser library is missing from this build");
      try (OutputStream out = Files.newOutputStream(tmp, LinkOption.NOFOLLOW_LINKS)) {
        in.transferTo(out); // into the owner-only file createTempFile made (Files.copy would replace it)
      }
      if (!expected.equals(sha256(tmp))) throw new IOException("the bundled native parser library does not match its checksum");
      Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Temporary copies a killed wraith left behind (an hour old: no live process is still writing them). */
  private static void removeStaleTemporaries(Path dir) {
    FileTime cutoff = FileTime.from(Instant.now().minusSeconds(3600));
    try (DirectoryStream<Path> tmps = Files.newDirectoryStream(dir, "libwraith-ts-*.tmp")) {
      for (Path p : tmps) {
        if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: a leftover temporary file costs only disk space
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
