package dev.wraith.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.redact.Redactor;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git identity of a tree, read from .git as hostile input: no git run, no credential kept, nothing that blocks. */
// the fixtures write files byte for byte, newline by newline, as a checkout holds them
@SuppressWarnings("StringConcatToTextBlock")
class GitCheckoutTest {
  static final String A = "a".repeat(40);
  static final String B = "b".repeat(40);
  static final GitCheckout GIT = new GitCheckout(Redactor.bundled());

  @TempDir Path dir;

  @Test
  void aCheckoutGivesRemoteWithoutCredentialsCommitBranchAndSubdirectory() throws Exception {
    Path repo = dir.resolve("repo");
    put(repo.resolve(".git/HEAD"), "ref: refs/heads/feature/x\n");
    put(repo.resolve(".git/refs/heads/feature/x"), A + "\n");
    put(repo.resolve(".git/config"), "[core]\n\tbare = false\n[remote \"upstream\"]\n\turl = https://example.com/u.git\n"
        + "[remote \"origin\"]\n\turl = \"https://oauth2:glpat-inventoriesPlanted12345@gitlab.example.com/acme/repo.git\"\n");
    Files.createDirectories(repo.resolve("services/api"));
    CodeInventory.Repository r = GIT.identify(repo.resolve("services/api"), "api");
    assertThat(r.prefix()).isEqualTo("api");
    assertThat(r.commit()).isEqualTo(A);
    assertThat(r.branch()).isEqualTo("feature/x");
    assertThat(r.subdirectory()).isEqualTo("services/api");
    assertThat(r.remoteUrl()).contains("gitlab.example.com/acme/repo.git").doesNotContain("glpat-inventoriesPlanted12345")
        .doesNotContain("oauth2:glpat");
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void packedRefsDetachedHeadsAndLinkedWorktrees() throws Exception {
    Path main = dir.resolve("main");
    put(main.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    put(main.resolve(".git/packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n" + A + " refs/heads/main\n");
    put(main.resolve(".git/config"), "[remote \"origin\"]\n\turl = git@github.com:acme/main.git\n");
    assertThat(GIT.identify(main, "main")).satisfies(r -> {
      assertThat(r.commit()).isEqualTo(A);
      assertThat(r.remoteUrl()).isEqualTo("git@github.com:acme/main.git");
    });
    Path wt = dir.resolve("wt");
    put(wt.resolve(".git"), "gitdir: ../main/.git/worktrees/wt\n");
    put(main.resolve(".git/worktrees/wt/HEAD"), B + "\n");
    put(main.resolve(".git/worktrees/wt/commondir"), "../..\n");
    assertThat(GIT.identify(wt, "wt")).satisfies(r -> {
      assertThat(r.commit()).isEqualTo(B);
      assertThat(r.branch()).isEmpty();
      assertThat(r.remoteUrl()).isEqualTo("git@github.com:acme/main.git");
    });
  }

  @Test
  void noCheckoutIsNoIdentity() throws Exception {
    CodeInventory.Repository r = GIT.identify(Files.createDirectories(dir.resolve("plain")), "plain");
    // the temporary directory may sit in a checkout on some machines; here it must not
    if (r.commit().isEmpty()) assertThat(r.remoteUrl()).isEmpty();
  }

  @Test
  void hostileGitDirectoriesBecomeNotesNeverHangsOrCrashes() throws Exception {
    Path fifo = dir.resolve("fifo");
    Files.createDirectories(fifo.resolve(".git"));
    assertThat(new ProcessBuilder("mkfifo", fifo.resolve(".git/HEAD").toString()).start().waitFor()).isZero();
    assertThat(GIT.identify(fifo, "fifo")).satisfies(r -> {
      assertThat(r.commit()).isEmpty();
      assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("HEAD: not a regular file"));
    });
    Path loop = dir.resolve("loop");
    Files.createDirectories(loop.resolve(".git"));
    Files.createSymbolicLink(loop.resolve(".git/HEAD"), loop.resolve(".git/HEAD"));
    assertThat(GIT.identify(loop, "loop").notes()).anySatisfy(n -> assertThat(n).contains("cannot be read"));
    Path escape = dir.resolve("escape");
    put(escape.resolve(".git/HEAD"), "ref: refs/heads/../../../../etc/passwd\n");
    assertThat(GIT.identify(escape, "escape")).satisfies(r -> {
      assertThat(r.commit()).isEmpty();
      assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("not a valid ref name"));
    });
    Path cycle = dir.resolve("cycle");
    put(cycle.resolve(".git/HEAD"), "ref: refs/heads/a\n");
    put(cycle.resolve(".git/refs/heads/a"), "ref: refs/heads/b\n");
    put(cycle.resolve(".git/refs/heads/b"), "ref: refs/heads/a\n");
    assertThat(GIT.identify(cycle, "cycle").commit()).isEmpty();
    Path huge = dir.resolve("huge");
    put(huge.resolve(".git/HEAD"), A + "\n");
    try (RandomAccessFile f = new RandomAccessFile(huge.resolve(".git/config").toFile(), "rw")) {
      f.setLength(1L << 30);
    }
    assertThat(GIT.identify(huge, "huge")).satisfies(r -> {
      assertThat(r.commit()).isEqualTo(A);
      assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("config: larger than"));
    });
    Path dangling = dir.resolve("dangling");
    put(dangling.resolve(".git"), "gitdir: /nonexistent/inventories\n");
    assertThat(GIT.identify(dangling, "dangling").notes()).anySatisfy(n -> assertThat(n).contains("not a directory"));
  }

  private static void put(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
