package dev.wraith.code.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-time copy of the native library: private, named by content, safe against races and damage. */
class NativeLibraryTest {
  @TempDir Path tmp;

  @Test
  void concurrentInstallsAllYieldTheSameCompleteOwnerOnlyFile() throws Exception {
    assumeTrue(NativeParsers.bundled(), "this build has no native parser for " + NativeLibrary.platform());
    Path dir = NativeLibrary.privateDirectory(tmp.resolve("native-cache"), NativeLibrary.currentUser());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Path>> installs = new ArrayList<>();
      for (int i = 0; i < 8; i++) installs.add(pool.submit((Callable<Path>) () -> NativeLibrary.installIn(dir)));
      Path first = installs.get(0).get();
      for (Future<Path> f : installs) assertThat(f.get()).isEqualTo(first);
      String hash = NativeLibrary.sha256(first);
      assertThat(first.getFileName().toString()).isEqualTo("libwraith-ts-" + hash + "." + extension());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
      try (var left = Files.list(dir)) {
        assertThat(left.map(p -> p.getFileName().toString())).containsExactly(first.getFileName().toString());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDamagedCopyIsReplaced() throws IOException {
    assumeTrue(NativeParsers.bundled(), "this build has no native parser for " + NativeLibrary.platform());
    Path dir = NativeLibrary.privateDirectory(tmp.resolve("native-cache"), NativeLibrary.currentUser());
    Path lib = NativeLibrary.installIn(dir);
    String hash = NativeLibrary.sha256(lib);
    Files.write(lib, new byte[] {1, 2, 3});
    assertThat(NativeLibrary.installIn(dir)).isEqualTo(lib);
    assertThat(NativeLibrary.sha256(lib)).isEqualTo(hash);
  }

  @Test
  void aWiderDirectoryOfOursIsTightenedAndOneOfAnotherUserIsRefused() throws IOException {
    Path ours = Files.createDirectory(tmp.resolve("ours"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
    Files.setPosixFilePermissions(ours, PosixFilePermissions.fromString("rwxrwxrwx"));
    NativeLibrary.privateDirectory(ours, NativeLibrary.currentUser());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ours))).isEqualTo("rwx------");

    assumeTrue("root".equals(NativeLibrary.currentUser()), "changing a directory's owner needs root");
    Path theirs = Files.createDirectory(tmp.resolve("theirs"));
    UserPrincipal nobody = theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    Files.setOwner(theirs, nobody);
    assertThatThrownBy(() -> NativeLibrary.privateDirectory(theirs, NativeLibrary.currentUser()))
        .isInstanceOf(IOException.class).hasMessageContaining("belongs to nobody");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), ours);
    assertThatThrownBy(() -> NativeLibrary.privateDirectory(link, NativeLibrary.currentUser()))
        .isInstanceOf(IOException.class).hasMessageContaining("is not a directory");
  }

  private static String extension() {
    return NativeLibrary.platform().startsWith("macos") ? "dylib" : "so";
  }
}
