package dev.wraith.tetragon;

import java.io.IOException;
import java.util.List;

/** The collector test's event streams and the stand-in Tetragon server, for tests in other packages (CLI, reporters). */
public final class TetragonFixtures {
  private TetragonFixtures() {}

  /** Two hours on one node: shuffled, duplicated, garbage, a rate-limit event, a truncated last line. */
  public static List<String> messyWindow() {
    return TetragonCollectorTest.messy();
  }

  /** A stand-in Tetragon gRPC server listening on 127.0.0.1. */
  public interface Server extends AutoCloseable {
    /** host:port, as --tetragon-address takes it. */
    String address();

    @Override
    void close();
  }

  /** Streams the export lines' events (as Tetragon's gRPC server would send them), then keeps the stream open. */
  public static Server replayOverTcp(List<String> lines) throws IOException {
    TetragonTestServer s = TetragonTestServer.tcp(new TetragonTestServer.Script(TetragonTestServer.fromExportLines(lines),
        TetragonTestServer.Ending.HOLD));
    return new Server() {
      @Override
      public String address() {
        return s.address();
      }

      @Override
      public void close() {
        s.close();
      }
    };
  }
}
