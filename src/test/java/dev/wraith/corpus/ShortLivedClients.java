package dev.wraith.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Planted clients that live about 50 ms each, one after another, while the eBPF sensor runs: each connects to the
 * stand-in AI endpoint, writes a first request whose query and headers carry planted values, and exits, so the probe
 * names it from its exec event (arguments planted too) and reads its first write. Stopped on close.
 */
final class ShortLivedClients implements AutoCloseable {
  private static final Path SCRIPT = Path.of("src/test/resources/corpus/short_client.py").toAbsolutePath();
  private final Thread loop;
  private volatile boolean stop;
  private int runs;

  private ShortLivedClients(List<String> command, String request, Path log) {
    this.loop = new Thread(() -> {
      while (!stop) {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("WRAITH_CORPUS_REQUEST", request);
        try {
          b.start().waitFor();
          runs++;
          Thread.sleep(100);
        } catch (IOException | InterruptedException e) {
          return;
        }
      }
    }, "redact-corpus-short-clients");
    loop.setDaemon(true);
  }

  static ShortLivedClients start(Path root, int aiPort, Plants p) {
    List<String> command = List.of(McpInputs.PYTHON, SCRIPT.toString(), "127.0.0.1:" + aiPort,
        "--api-key", p.plant("short-lived client argv: --api-key", "%s"),
        "--url", "https://s:" + p.plant("short-lived client argv: URL password", "%s") + "@api.openai.com/v1?key="
            + p.plant("short-lived client argv: URL query", "%s"),
        "-H", "Authorization: Bearer " + p.plant("short-lived client argv: -H Authorization", "%s"),
        p.plant("short-lived client argv: bare key", "sk-ant-api03-%s"));
    String request = "GET /v1/models?api_key=" + p.plant("short-lived client first write: query", "%s") + " HTTP/1.1\r\n"
        + "Host: api.openai.com\r\nAuthorization: Bearer " + p.plant("short-lived client first write: header", "%s")
        + "\r\nCookie: session=" + p.plant("short-lived client first write: cookie", "%s") + "\r\n\r\n";
    ShortLivedClients c = new ShortLivedClients(command, request, root.resolve("short-clients.log"));
    c.loop.start();
    return c;
  }

  /** What the eBPF sensor's outputs must show of them. */
  String witness() {
    return "short_client.py";
  }

  int runs() {
    return runs;
  }

  @Override
  public void close() {
    stop = true;
    try {
      loop.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the caller's interrupt stands; the loop was told to stop
    }
  }
}
