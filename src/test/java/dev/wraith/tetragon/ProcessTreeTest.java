package dev.wraith.tetragon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.PodRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The process tree stays within its bound and never forgets what an AI connection needs. */
class ProcessTreeTest {
  static Proc proc(String id, String parent, String binary, Optional<PodRef> pod) {
    return new Proc(id, parent, 1, 0, "/", binary, List.of(binary), "", false, pod);
  }

  @Test
  void forgetsExitedThenOldestButKeepsAConnectingProcessAndItsLaunchers() {
    PodRef pod = Proc.podRef("ns", "p", "u", "c", "containerd://abc", "img", "w", "Deployment", 5, false);
    ProcessTree tree = new ProcessTree(100);
    tree.add(proc("runc", "shim", "/usr/bin/runc", Optional.empty()));
    tree.add(proc("bash", "runc", "/bin/bash", Optional.of(pod)));
    Proc agent = proc("agent", "bash", "/usr/bin/python3", Optional.of(pod));
    tree.add(agent);
    tree.keep(agent);
    for (int i = 0; i < 1000; i++) {
      Proc p = proc("short-" + i, "cron", "/bin/true", Optional.empty());
      tree.add(p);
      if (i % 2 == 0) tree.exited(p);
    }
    assertThat(tree.size()).isLessThanOrEqualTo(100);
    assertThat(tree.forgotten()).isGreaterThanOrEqualTo(900);
    assertThat(tree.get("agent")).isPresent();
    assertThat(tree.launcher(agent)).isEqualTo("runc");
    assertThat(tree.get("short-999")).isPresent(); // the newest stay
  }

  @Test
  void theRicherDescriptionWins() {
    ProcessTree tree = new ProcessTree(10);
    Proc full = new Proc("a", "p", 1, 0, "/app", "/bin/x", List.of("/bin/x"), "", true, Optional.empty());
    Proc stub = new Proc("a", "", 1, 0, "", "/bin/x", List.of("/bin/x"), "", false, Optional.empty());
    tree.add(full);
    tree.add(stub);
    assertThat(tree.get("a")).contains(full);
  }
}
