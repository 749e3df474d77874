package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.state.PostgresServer;
import dev.wraith.state.PostgresTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scan-all (through the demo), history and diff with {@code --state postgresql://...} on a real server. The password
 * reaches the CLI the way a user's would without the environment: a pgpass file (the driver reads the file the
 * {@code org.postgresql.pgpassfile} property names, as it reads ~/.pgpass).
 */
class PostgresCommandsTest {
  static PostgresServer server;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = PostgresTests.server();
    server.createDatabase("fleet_cli");
    Path pgpass = Files.writeString(dir.resolve("pgpass"), "127.0.0.1:" + server.port() + ":*:wraith:"
        + server.password() + "\n");
    Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
    System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
  }

  @AfterAll
  static void stop() throws Exception {
    System.clearProperty("org.postgresql.pgpassfile");
    if (server != null) server.close();
  }

  @Test
  void twoScansThenHistoryAndDiffReadThemBack() throws Exception {
    String url = server.url("fleet_cli");
    assertThat(Main.run("demo", "--state", url, "-o", dir.resolve("r1").toString(), "--format", "json")).isZero();
    assertThat(Main.run("demo", "--state", url, "-o", dir.resolve("r2").toString(), "--format", "json")).isZero();
    Path out = dir.resolve("history.json");
    assertThat(Main.run("history", "--state", url, "--format", "json", "-o", out.toString())).isZero();
    JsonNode doc = new ObjectMapper().readTree(out.toFile());
    // user-info is masked in every output, a user name too (a token is often given as one)
    assertThat(doc.get("state").asText()).isEqualTo(url.replace("//" + PostgresServer.USER + "@", "//***@"))
        .doesNotContain(server.password());
    assertThat(doc.get("scans")).hasSize(2);
    assertThat(doc.get("scans").get(1).get("summary").get("GHOST").asInt()).isEqualTo(1);
    Path diff = dir.resolve("diff.txt");
    assertThat(Main.run("diff", "--state", url, "-o", diff.toString())).isZero();
    assertThat(Files.readString(diff)).startsWith("scan 1 (").contains("→ scan 2 (").endsWith("no changes\n");
  }

  @Test
  void aPasswordOnTheCommandLineIsAUsageErrorThatDoesNotRepeatIt() {
    String withPassword = "postgresql://wraith:" + server.password() + "@127.0.0.1:" + server.port() + "/fleet_cli";
    String err = HistoryCommandTest.runErr(2, "history", "--state", withPassword);
    assertThat(err).contains("--state: the URL carries a password").doesNotContain(server.password());
    err = HistoryCommandTest.runErr(2, "scan-all", "--no-dns", "--skip-layers", "host,tetragon,cluster,mcp",
        "--state", withPassword, "-o", dir.resolve("r3").toString());
    assertThat(err).contains("--state: the URL carries a password").doesNotContain(server.password());
    assertThat(dir.resolve("r3")).doesNotExist();
  }

  @Test
  void historyOnADatabaseWithoutWraithStateSaysSo() throws Exception {
    server.createDatabase("fleet_cli_empty");
    String url = server.url("fleet_cli_empty");
    String shown = url.replace("//" + PostgresServer.USER + "@", "//***@");
    assertThat(HistoryCommandTest.runErr(2, "history", "--state", url))
        .contains("no wraith state in " + shown + " yet: run 'wraith scan-all --state " + shown + "' first");
  }
}
