package dev.wraith.host.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reasons the probe is not started, one per missing requirement, over a sysfs tree laid out for each case. */
class ProbeSupportTest {
  static final ProbeBuild BUILT = new ProbeBuild(true, "linux-x86_64", "linux-x86_64, layout 1, clang 14");
  static final String ROOT = "Name:\tjava\nUid:\t0\t0\t0\t0\nCapEff:\t000001ffffffffff\n";
  static final String BPF_ONLY = "Uid:\t1000\t1000\t1000\t1000\nCapEff:\t000000c000000000\n"; // CAP_BPF + CAP_PERFMON
  static final String NOBODY = "Uid:\t65534\t65534\t65534\t65534\nCapEff:\t0000000000000000\n";
  @TempDir Path sys;

  @BeforeEach
  void kernelWithBtfAndTracefs() throws Exception {
    Files.createDirectories(sys.resolve("kernel/btf"));
    Files.writeString(sys.resolve("kernel/btf/vmlinux"), "btf");
    Files.createDirectories(sys.resolve("kernel/tracing/events/syscalls"));
  }

  private String whyNot(ProbeBuild b, String status) {
    return ProbeSupport.whyNot(b, "Linux", "amd64", sys, status).orElse("");
  }

  @Test
  void rootOrTheTwoCapabilitiesSuffice() {
    assertThat(whyNot(BUILT, ROOT)).isEmpty();
    assertThat(whyNot(BUILT, BPF_ONLY)).isEmpty();
  }

  @Test
  void eachMissingRequirementIsNamed() throws Exception {
    assertThat(whyNot(new ProbeBuild(false, "", "clang not found"), ROOT)).isEqualTo("this wraith was built without it (clang not found)");
    assertThat(ProbeSupport.whyNot(BUILT, "Mac OS X", "aarch64", sys, ROOT)).hasValueSatisfying(s -> assertThat(s).contains("linux-x86_64 only"));
    assertThat(whyNot(BUILT, NOBODY)).isEqualTo("it needs root, or CAP_BPF and CAP_PERFMON (this process runs as uid 65534 without them)");
    Files.createDirectories(sys.resolve("kernel/security"));
    Files.writeString(sys.resolve("kernel/security/lockdown"), "none integrity [confidentiality]\n");
    assertThat(whyNot(BUILT, ROOT)).contains("locked down (confidentiality)");
    Files.writeString(sys.resolve("kernel/security/lockdown"), "none [integrity] confidentiality\n");
    assertThat(whyNot(BUILT, ROOT)).isEmpty();
    Files.delete(sys.resolve("kernel/tracing/events/syscalls"));
    assertThat(whyNot(BUILT, ROOT)).isEmpty(); // CAP_SYS_ADMIN: the loader mounts tracefs
    assertThat(whyNot(BUILT, BPF_ONLY)).contains("tracefs is not mounted").contains("read-only into the container");
    Files.delete(sys.resolve("kernel/btf/vmlinux"));
    assertThat(whyNot(BUILT, ROOT)).contains("no BTF");
  }
}
