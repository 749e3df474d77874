package dev.wraith.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.ContainerRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small /proc tree of cgroup files: a pod with pause + one container, a one-container pod, the node, a gone pid. */
class NamespacePodsTest {
  static final String POD = "kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1399d9c7_c86f_4371_8568_07b3d32258a4.slice";
  static final String PAUSE = "a".repeat(64), APP = "b".repeat(64), OTHER = "c".repeat(64);
  static final String UID = "1399d9c7-c86f-4371-8568-07b3d32258a4";

  @TempDir Path root;
  NamespacePods pods;

  @BeforeEach
  void tree() throws IOException {
    cgroup(10, "0::/" + POD + "/cri-containerd-" + PAUSE + ".scope");
    cgroup(11, "0::/" + POD + "/cri-containerd-" + APP + ".scope");
    cgroup(12, "0::/" + POD + "/cri-containerd-" + APP + ".scope");
    cgroup(20, "0::/kubepods/besteffort/pod4c9f1974-5c46-44c2-b42f-3bbf0e98eef9/" + OTHER);
    cgroup(1, "0::/init.scope");
    pods = new NamespacePods(new LiveProcFs(root));
  }

  @Test
  void aPodWithSeveralContainersNamesThePodOnly() {
    assertThat(pods.of("net:[1]", List.of(10, 11, 12))).contains(new ContainerRef(UID, "", "containerd", "burstable", "systemd"));
  }

  @Test
  void aNamespaceWithOneContainerNamesItAndIgnoresGonePids() {
    assertThat(pods.of("net:[2]", List.of(11, 12, 99))).contains(new ContainerRef(UID, APP, "containerd", "burstable", "systemd"));
  }

  @Test
  void theNodesNamespaceAndSharedOnesBelongToNoPod() {
    // hostNetwork pods share the node's namespace: a pod process there does not make it the pod's
    assertThat(pods.of("net:[3]", List.of(1, 20))).isEmpty();
    assertThat(pods.of("net:[4]", List.of(11, 20))).isEmpty();
    assertThat(pods.of("net:[5]", List.of(99))).isEmpty();
  }

  @Test
  void answersAreKeptUntilCleared() throws IOException {
    assertThat(pods.of("net:[6]", List.of(20))).isPresent();
    cgroup(20, "0::/system.slice/cron.service");
    assertThat(pods.of("net:[6]", List.of(20))).isPresent();
    pods.clear();
    assertThat(pods.of("net:[6]", List.of(20))).isEmpty();
  }

  private void cgroup(int pid, String line) throws IOException {
    Files.createDirectories(root.resolve(Integer.toString(pid)));
    Files.writeString(root.resolve(pid + "/cgroup"), line + "\n");
  }
}
