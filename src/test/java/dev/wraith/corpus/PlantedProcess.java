package dev.wraith.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real process whose argument list and environment carry planted values, holding a TCP connection to the test's
 * stand-in AI endpoint, so the host layer (sensor, scan-all, the operator through sensor --serve) reports it, and
 * named like a Python MCP server, so runtime MCP discovery lists it too. Killed on close.
 */
final class PlantedProcess implements AutoCloseable {
  private static final Path MODULE_DIR = Path.of("src/test/resources/corpus").toAbsolutePath();
  private final Process process;

  private PlantedProcess(Process process) {
    this.process = process;
  }

  static PlantedProcess start(Path root, int port, Plants p) throws IOException, InterruptedException {
    Path ready = root.resolve("process-ready");
    ProcessBuilder b = new ProcessBuilder(McpInputs.PYTHON, "-m", "mcp_wraithplant",
        "--api-key", p.plant("process argv: --api-key", "%s"),
        "--url", "https://u:" + p.plant("process argv: URL password", "%s") + "@api.openai.com/v1?key="
            + p.plant("process argv: URL query", "%s"),
        "-H", "Authorization: Bearer " + p.plant("process argv: -H Authorization", "%s"),
        p.plant("process argv: bare Anthropic key", "sk-ant-api03-%s"),
        "sh -c 'agent --secret " + p.plant("process argv: sh -c string", "%s") + "'");
    b.environment().put("PYTHONPATH", MODULE_DIR.toString());
    b.environment().put("WRAITH_CORPUS_CONNECT", "127.0.0.1:" + port);
    b.environment().put("WRAITH_CORPUS_READY", ready.toString());
    b.environment().put("OPENAI_API_KEY", p.plant("process environment: OPENAI_API_KEY", "sk-proj-%s"));
    b.environment().put("DATABASE_URL", "postgres://app:" + p.plant("process environment: DATABASE_URL", "%s") + "@db/app");
    b.redirectErrorStream(true).redirectOutput(root.resolve("process.log").toFile());
    PlantedProcess started = new PlantedProcess(b.start());
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!Files.exists(ready)) {
      if (!started.process.isAlive() || System.nanoTime() > deadline) {
        started.close();
        throw new IllegalStateException("the planted process did not start: " + Files.readString(root.resolve("process.log")));
      }
      Thread.sleep(50);
    }
    return started;
  }

  /** What the host layer's outputs must show of it. */
  String witness() {
    return "mcp_wraithplant";
  }


  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the caller's interrupt stands; the process was killed
    }
  }
}
