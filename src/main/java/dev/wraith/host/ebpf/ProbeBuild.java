package dev.wraith.host.ebpf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Whether this wraith was built with the eBPF probe (src/main/bpf/build.sh writes probe.properties next to the
 * binary in the jar), and if not, why: the tools were missing on the build machine.
 *
 * @param built the jar holds the loader binary for {@code platform}
 * @param detail "linux-x86_64, layout 1, clang 14.0.6" when built, else the build's reason
 */
public record ProbeBuild(boolean built, String platform, String detail) {
  static final String PROPERTIES = "/dev/wraith/host/ebpf/probe.properties";
  static final String BINARY = "/dev/wraith/host/ebpf/linux-x86_64/wraith-probe";

  /** This jar's probe build. */
  public static ProbeBuild current() {
    Properties p = new Properties();
    try (InputStream in = ProbeBuild.class.getResourceAsStream(PROPERTIES)) {
      if (in == null) return new ProbeBuild(false, "", "built without src/main/bpf/build.sh");
      p.load(in);
    } catch (IOException e) {
      return new ProbeBuild(false, "", "probe.properties unreadable: " + e.getMessage());
    }
    if (!"true".equals(p.getProperty("built")) || ProbeBuild.class.getResource(BINARY) == null) {
      return new ProbeBuild(false, "", p.getProperty("reason", "not built"));
    }
    String platform = p.getProperty("platform", "linux-x86_64");
    return new ProbeBuild(true, platform, platform + ", layout " + p.getProperty("layout", "?") + ", clang " + p.getProperty("clang", "?"));
  }

  /** One line for {@code wraith --version}. */
  public String versionLine() {
    return built ? "eBPF probe: built in (" + detail + ")" : "eBPF probe: not built in (" + detail + "); the sensor samples /proc";
  }
}
