package dev.wraith.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.attribution.Attributor;
import dev.wraith.catalogue.CatalogueLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeping in-cluster connections costs the sampler, on a fixture tree: an owner is searched for once per socket
 * (found or not), a found one is reused without a syscall, and in a namespace of more than {@link
 * InClusterOwners#MAX_PIDS} processes nobody's fd/ is listed for them at all (the status says so instead).
 */
class SamplerInClusterFixtureTest {
  static final String POD = "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-podabc.slice/cri-containerd-"
      + "a1".repeat(32) + ".scope";
  static final String NET = "net:[4026532500]", PID = "pid:[4026532501]";
  /** 10.244.1.20:40000 → 10.96.0.40:8000 (a ClusterIP on a port several servers share), established, inode 8001. */
  static final String ROW = "   0: 1401F40A:9C40 2800600A:1F40 01 00000000:00000000 02:000009C4 00000000     0        0 8001 2 0 20 4 30 10 -1\n";
  /** The same to a public address nothing names: not kept. */
  static final String PUBLIC = "   1: 1401F40A:9C41 22D8B85D:01BB 01 00000000:00000000 02:000009C4 00000000     0        0 8002 2 0 20 4 30 10 -1\n";
  /** To an in-cluster address, held by nobody readable. */
  static final String ORPHAN = "   2: 1401F40A:9C42 2900600A:1F40 01 00000000:00000000 02:000009C4 00000000     0        0 8003 2 0 20 4 30 10 -1\n";

  @TempDir Path root;

  /** Counts fd/ listings. */
  static final class Counting implements ProcFs {
    final ProcFs real;
    final AtomicInteger fdListings = new AtomicInteger();

    Counting(ProcFs real) {
      this.real = real;
    }

    @Override public String describe() { return real.describe(); }
    @Override public List<Integer> pids() throws IOException { return real.pids(); }
    @Override public String read(int pid, String name) throws IOException { return real.read(pid, name); }
    @Override public byte[] readBytes(int pid, String name, int max) throws IOException { return real.readBytes(pid, name, max); }
    @Override public String readLink(int pid, String name) throws IOException { return real.readLink(pid, name); }
    @Override public String readRoot(String name) throws IOException { return real.readRoot(name); }
    @Override public MessageDigest digestInRoot(int pid, String p, long max, String alg) throws IOException {
      return real.digestInRoot(pid, p, max, alg);
    }
    @Override public String readInRoot(int pid, String p, int max) throws IOException { return real.readInRoot(pid, p, max); }

    @Override
    public List<String[]> fds(int pid) throws IOException {
      fdListings.incrementAndGet();
      return real.fds(pid);
    }
  }

  private static Attributor attributor() {
    return new Attributor(CatalogueLoader.bundled(), List.of(), Optional.empty());
  }

  @Test
  void anOwnerIsSearchedForOncePerSocketAndKept() throws IOException {
    ProcTree t = new ProcTree(root);
    t.process(1, 0, 1, 1, 1, new int[] {1}, POD, NET, PID, "/pause");
    t.process(20, 1, 20, 20, 50, new int[] {20, 7}, POD, NET, PID, "/usr/bin/python3", "/app/route.py")
        .socket(20, 3, 8001).net(1, ROW + PUBLIC + ORPHAN, "3 0 0 0 3");
    Counting proc = new Counting(new LiveProcFs(root));
    Sampler sampler = new Sampler(proc, attributor(), dev.wraith.redact.Redactor.bundled(), 4242);
    Sampler.Sample first = sampler.sample();
    assertThat(first.sightings()).isEmpty();
    assertThat(first.inCluster()).extracting(x -> x.owner().info().pid() + " " + x.ip() + ":" + x.port())
        .containsExactly("20 10.96.0.40:8000");
    int afterFirst = proc.fdListings.get();
    assertThat(afterFirst).as("both pids searched once, for 8001 and the orphan 8003").isPositive();
    for (int i = 0; i < 5; i++) {
      assertThat(sampler.sample().inCluster()).hasSize(1);
    }
    assertThat(proc.fdListings.get()).as("no fd/ listing for sockets already searched").isEqualTo(afterFirst);
    assertThat(first.notes()).isEmpty();
  }

  @Test
  void inABigNamespaceNobodysFdsAreListedAndTheStatusSaysSo() throws IOException {
    ProcTree t = new ProcTree(root);
    String node = "/system.slice/cron.service", net = "net:[4026531840]", pid = "pid:[4026531836]";
    for (int p = 1; p <= InClusterOwners.MAX_PIDS + 1; p++) t.process(p, 0, p, p, p, new int[] {p}, node, net, pid, "/bin/sleep");
    t.socket(7, 3, 8001).net(1, ROW, "1 0 0 0 1");
    Counting proc = new Counting(new LiveProcFs(root));
    Sampler sampler = new Sampler(proc, attributor(), dev.wraith.redact.Redactor.bundled(), 4242);
    Sampler.Sample s = sampler.sample();
    assertThat(s.inCluster()).isEmpty();
    assertThat(proc.fdListings.get()).isZero();
    assertThat(s.notes()).singleElement().asString().contains("not traced to their process");
    assertThat(s.warnings()).as("a note, not a problem: the layer still ran").isEmpty();
  }
}
