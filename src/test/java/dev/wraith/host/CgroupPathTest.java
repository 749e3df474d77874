package dev.wraith.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.ContainerRef;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Path shapes from the research note's table (runtime-signals §3.3); ids are placeholders. */
class CgroupPathTest {
  static final String ID = "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0a1b2";
  static final String UID = "4c9f1974-5c46-44c2-b42f-3bbf0e98eef9";
  static final String UID_ = "4c9f1974_5c46_44c2_b42f_3bbf0e98eef9";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "containerd systemd v2 |0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + UID_ + ".slice/cri-containerd-" + ID + ".scope|containerd|besteffort|systemd",
      "containerd guaranteed |0::/kubepods.slice/kubepods-pod" + UID_ + ".slice/cri-containerd-" + ID + ".scope|containerd|guaranteed|systemd",
      "crio systemd          |0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + UID_ + ".slice/crio-" + ID + ".scope|cri-o|burstable|systemd",
      "docker systemd        |0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + UID_ + ".slice/docker-" + ID + ".scope|docker|besteffort|systemd",
      "cgroupfs v1           |4:pids:/kubepods/burstable/pod" + UID + "/" + ID + "||burstable|cgroupfs",
      "cgroupfs guaranteed   |4:pids:/kubepods/pod" + UID + "/" + ID + "||guaranteed|cgroupfs",
      "cgroupfs crio         |2:cpu:/kubepods/besteffort/pod" + UID + "/crio-" + ID + "|cri-o|besteffort|cgroupfs",
      "slice:prefix:name     |0::/podruntime.slice/containerd.service/kubepods-burstable-pod" + UID_ + ".slice:cri-containerd:" + ID + "|containerd|burstable|systemd",
      "kind node nesting     |0::/system.slice/docker-" + ID + ".scope/kubelet/kubepods/besteffort/pod" + UID + "/" + ID + "||besteffort|cgroupfs",
  })
  void readsPodContainerRuntimeQosAndDriver(String name, String line, String runtime, String qos, String driver) {
    Optional<ContainerRef> ref = CgroupPath.parse(line);
    assertThat(ref).contains(new ContainerRef(UID, ID, runtime == null ? "" : runtime, qos, driver));
  }

  @Test
  void nodeProcessesAndConmonHaveNoContainer() {
    assertThat(CgroupPath.parse("0::/system.slice/cron.service\n")).isEmpty();
    assertThat(CgroupPath.parse("12:memory:/user.slice/user-1001.slice/session-7.scope\n0::/user.slice\n")).isEmpty();
    assertThat(CgroupPath.parse("0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + UID_
        + ".slice/crio-conmon-" + ID + ".scope").orElseThrow().containerId()).isEmpty();
  }

  @Test
  void v1PrefersTheLineThatNamesAContainer() {
    String file = "9:name=systemd:/\n4:memory:/kubepods/burstable/pod" + UID + "\n3:pids:/kubepods/burstable/pod" + UID + "/" + ID + "\n0::/\n";
    assertThat(CgroupPath.parse(file).orElseThrow().containerId()).isEqualTo(ID);
  }
}
