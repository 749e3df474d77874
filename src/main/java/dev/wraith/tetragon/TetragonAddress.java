package dev.wraith.tetragon;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Tetragon's gRPC server listens: a unix domain socket ({@code unix:///var/run/tetragon/tetragon.sock},
 * the Helm chart's default) or {@code host:port} ({@code localhost:54321}, the agent's own default).
 *
 * @param target the gRPC channel target
 * @param socket the socket file, for unix addresses
 */
public record TetragonAddress(String target, Optional<Path> socket) {
  /** The Helm chart's {@code tetragon.grpc.address}. */
  public static final String DEFAULT = "unix:///var/run/tetragon/tetragon.sock";

  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9.-]+):([0-9]{1,5})");

  /**
   * Parses {@code unix:///path} or {@code host:port}.
   *
   * @throws IllegalArgumentException with what is wrong and what is expected
   */
  public static TetragonAddress parse(String address) {
    String a = address.strip();
    if (a.startsWith("unix:")) {
      String path = a.startsWith("unix://") ? a.substring("unix://".length()) : a.substring("unix:".length());
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("'" + address + "': a unix socket needs an absolute path, as in " + DEFAULT);
      }
      return new TetragonAddress("unix://" + path, Optional.of(Path.of(path)));
    }
    Matcher m = HOST_PORT.matcher(a);
    if (!m.matches() || Integer.parseInt(m.group(2)) == 0 || Integer.parseInt(m.group(2)) > 65535) {
      throw new IllegalArgumentException("'" + address + "': expected unix:///path/to/tetragon.sock or host:port "
          + "(Tetragon's own default is localhost:54321)");
    }
    return new TetragonAddress(a, Optional.empty());
  }

  @Override
  public String toString() {
    return target;
  }
}
