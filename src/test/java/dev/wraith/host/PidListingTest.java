package dev.wraith.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidListingTest {
  @TempDir Path root;

  @Test
  void listsOnceASecondWhileNoProcessIsCreated() throws IOException {
    PidListing listing = visibleRoot("26305");
    assertThat(samples(listing, 11)).containsExactly(true, false, false, false, false, true, false, false, false, false, true);
  }

  @Test
  void listsEvery400MsOnceAProcessWasCreated() throws IOException {
    PidListing listing = visibleRoot("26305");
    List<Boolean> seen = new ArrayList<>(samples(listing, 1));
    Files.writeString(root.resolve("loadavg"), "0.10 0.20 0.30 1/90 26306\n");
    seen.addAll(samples(listing, 3));
    assertThat(seen).containsExactly(true, false, true, false);
  }

  @Test
  void withoutTheSignalEveryOtherSampleLists() throws IOException {
    Files.writeString(root.resolve("loadavg"), "0.10 0.20 0.30 1/90 26305\n");
    // no self: a fixture tree or a host /proc seen from another PID namespace
    PidListing listing = new PidListing(new LiveProcFs(root), 4242);
    assertThat(samples(listing, 5)).containsExactly(true, false, true, false, true);
  }

  @Test
  void anotherPidNamespacesRootIsNotTrusted() throws IOException {
    PidListing listing = visibleRoot("26305");
    PidListing other = new PidListing(new LiveProcFs(root), 1);
    assertThat(samples(listing, 3)).containsExactly(true, false, false);
    assertThat(samples(other, 3)).containsExactly(true, false, true);
  }

  @Test
  void anOnDemandListingRestartsTheGap() throws IOException {
    PidListing listing = visibleRoot("26305");
    samples(listing, 4);
    listing.now();
    assertThat(samples(listing, 5)).containsExactly(false, false, false, false, true);
  }

  private PidListing visibleRoot(String lastPid) throws IOException {
    Files.writeString(root.resolve("loadavg"), "0.10 0.20 0.30 1/90 " + lastPid + "\n");
    Files.createDirectories(root.resolve("self"));
    Files.writeString(root.resolve("self/stat"), "4242 (java) S 1 4242 4242 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 100 0 0\n");
    return new PidListing(new LiveProcFs(root), 4242);
  }

  private static List<Boolean> samples(PidListing listing, int n) {
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(listing.due());
    return out;
  }
}
