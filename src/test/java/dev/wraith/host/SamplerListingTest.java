package dev.wraith.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.attribution.Attributor;
import dev.wraith.catalogue.CatalogueLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sampler between pid listings, on a fixture tree (no loadavg: listings every other sample at most): a
 * connection from a process that started after the last listing is still owned at once, by an on-demand
 * listing, and a socket whose owner is unknown does not make every sample list again.
 */
class SamplerListingTest {
  static final String NODE = "/system.slice/cron.service", NET = "net:[4026531833]", PID = "pid:[4026531836]";
  /** 10.0.2.15:54321 → 160.79.104.10:443 (a published Anthropic range), established, inode 7001. */
  static final String ROW = "   0: 0F02000A:D431 0A684FA0:01BB 01 00000000:00000000 02:000009C4 00000000     0        0 7001 2 0 20 4 30 10 -1\n";

  @TempDir Path root;

  @Test
  void aNewProcessesConnectionIsOwnedWithoutWaitingForTheNextListing() throws IOException {
    ProcTree t = new ProcTree(root);
    t.process(1, 0, 1, 1, 1, new int[] {1}, NODE, NET, PID, "/sbin/init").net(1, "", "10 0 0 0 0");
    Sampler sampler = new Sampler(new LiveProcFs(root), attributor(), dev.wraith.redact.Redactor.bundled(), 4242);
    assertThat(sampler.sample().sightings()).isEmpty();
    assertThat(sampler.listedLastSample()).isTrue();

    t.process(500, 1, 500, 500, 900, new int[] {500}, NODE, NET, PID, "/usr/bin/python3").socket(500, 3, 7001)
        .net(1, ROW, "11 0 0 0 1");
    Sampler.Sample s = sampler.sample();
    assertThat(sampler.listedLastSample()).as("listed on demand").isTrue();
    assertThat(s.sightings()).extracting(x -> x.owner().info().pid()).containsExactly(500);
    assertThat(sampler.sample().sightings()).extracting(x -> x.owner().info().pid()).containsExactly(500);
    assertThat(sampler.listedLastSample()).as("the cached owner needs no listing").isFalse();
  }

  @Test
  void anUnexplainedSocketListsOnceNotEverySample() throws IOException {
    ProcTree t = new ProcTree(root);
    t.process(1, 0, 1, 1, 1, new int[] {1}, NODE, NET, PID, "/sbin/init").net(1, "", "10 0 0 0 0");
    Sampler sampler = new Sampler(new LiveProcFs(root), attributor(), dev.wraith.redact.Redactor.bundled(), 4242);
    sampler.sample();
    t.net(1, ROW, "11 0 0 0 1"); // nobody holds inode 7001 (another uid's process, in the kernel's view)
    sampler.sample();
    assertThat(sampler.listedLastSample()).isTrue();
    sampler.sample();
    assertThat(sampler.listedLastSample()).isFalse();
  }

  private static Attributor attributor() {
    return new Attributor(CatalogueLoader.bundled(), List.of(), Optional.empty());
  }
}
