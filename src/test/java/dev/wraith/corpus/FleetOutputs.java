package dev.wraith.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.state.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The corpus's fleet outputs: OCSF delivery to Splunk HEC and to a webhook on loopback (the request bodies, the status
 * line, its errors; the token planted in {@code WRAITH_OCSF_TOKEN} and {@code WRAITH_OCSF_TOKEN_FILE}, which only a child
 * JVM's environment can hold), and the PostgreSQL state (every table's rows after two scans, history and diff read
 * back, and the messages of URLs with passwords, refused logins and unreachable servers).
 */
final class FleetOutputs {
  private final Path root;
  private final Corpus c;
  private final Plants plants;
  private final Outputs outputs;
  private final List<AutoCloseable> cleanup;
  private final List<String> pins;

  FleetOutputs(Path root, Corpus c, Plants plants, Outputs outputs, List<AutoCloseable> cleanup, List<String> pins) {
    this.root = root;
    this.c = c;
    this.plants = plants;
    this.outputs = outputs;
    this.cleanup = cleanup;
    this.pins = pins;
  }

  /** scan-all over the offline inputs (no host layer, no state) into {@code results}, then {@code more}. */
  List<String> offline(String results, String... more) {
    List<String> a = new ArrayList<>(List.of("scan-all", c.code().toString(), "--kube-snapshot", c.snapshot().toString(),
        "--audit-log", c.auditLog().toString(), "--tetragon-events", c.tetragon().toString(), "--dns-log", c.dnsLog().toString(),
        "--home", c.home().toString(), "--skip-layers", "host", "--no-dns", "--no-color", "--output",
        root.resolve(results).toString()));
    for (String pin : pins) a.addAll(List.of("--resolve", pin));
    a.addAll(List.of(more));
    return a;
  }

  /**
   * Every sink and body: a webhook without a token in-process (lines, then one array), Splunk HEC refusing the token
   * from WRAITH_OCSF_TOKEN (exit 4), and a webhook taking the token from WRAITH_OCSF_TOKEN_FILE; plus the mistakes a
   * user makes with --ocsf-url. The receivers' bodies are outputs; the tokens must reach the Authorization header only.
   */
  void delivery() throws Exception {
    for (String body : Exercised.OCSF_BODIES) {
      Loopback.Receiver hook = Loopback.ocsfReceiver(cleanup, 200);
      String url = hook.url("/hook?token=" + plants.plant("--ocsf-url query token (" + body + ")", "%s"));
      exits(outputs.wraith("scan-all --ocsf-url webhook " + body, offline("results-webhook-" + body, "--no-state",
          "--ocsf-url", url, "--ocsf-body", body).toArray(String[]::new)), 0, 1);
      outputs.tree("scan-all --ocsf-url webhook " + body + " results", root.resolve("results-webhook-" + body));
      assertThat(hook.bodies()).as("webhook " + body + " got the findings").isNotEmpty();
      hook.bodies().forEach(b -> outputs.add("webhook " + body + " request body", b));
    }
    Loopback.Receiver refusing = Loopback.ocsfReceiver(cleanup, 403);
    Loopback.Receiver hook = Loopback.ocsfReceiver(cleanup, 200);
    String envToken = plants.plant("WRAITH_OCSF_TOKEN", "%s");
    String fileToken = plants.plant("WRAITH_OCSF_TOKEN_FILE's first line", "%s");
    Path tokenFile = Files.writeString(root.resolve("ocsf-token"), fileToken + "\n");
    List<Outputs.Run> hec = ChildWraith.run(root.resolve("child-hec"), Map.of("WRAITH_OCSF_TOKEN", envToken),
        List.of(offline("results-hec", "--no-state", "--ocsf-url", refusing.url(""), "--ocsf-sink", "splunk-hec")));
    add("scan-all --ocsf-sink splunk-hec (child JVM)", hec.get(0));
    exits(hec.get(0), 4);
    assertThat(hec.get(0).err()).contains("OCSF delivery to splunk-hec", "HTTP 403");
    assertThat(refusing.authorizations()).as("the token was sent, as HEC wants it").contains("Splunk " + envToken);
    List<Outputs.Run> webhook = ChildWraith.run(root.resolve("child-webhook"), Map.of("WRAITH_OCSF_TOKEN_FILE",
        tokenFile.toString(), "WRAITH_OCSF_TOKEN", envToken), List.of(offline("results-hook", "--no-state", "--ocsf-url",
        hook.url("/hook"), "--ocsf-sink", "webhook", "--cdx-version", "1.6")));
    add("scan-all --ocsf-sink webhook with a token file (child JVM)", webhook.get(0));
    exits(webhook.get(0), 0, 1);
    assertThat(hook.authorizations()).as("the file's token wins").containsOnly("Bearer " + fileToken);
    hook.bodies().forEach(b -> outputs.add("webhook (child JVM) request body", b));
    outputs.tree("scan-all --ocsf-sink webhook (child JVM) results", root.resolve("results-hook"));
    String password = plants.plant("--ocsf-url user-info password", "%s");
    exits(outputs.wraith("error: --ocsf-url with credentials", offline("results-never", "--ocsf-url",
        "http://ops:" + password + "@127.0.0.1:9/hook").toArray(String[]::new)), 2);
    exits(outputs.wraith("error: --ocsf-url not a URL", offline("results-never", "--ocsf-url",
        "http://127.0.0.1:9/ho ok?token=" + plants.plant("--ocsf-url that is not a URL: query", "%s")).toArray(String[]::new)), 2);
  }

  /**
   * Two scan-alls into a real PostgreSQL server (the password in a pgpass file, as ~/.pgpass would hold it), history and
   * diff read back, every table's rows; then --state URLs with a password (user-info, query), one that does not parse,
   * a refused login (a wrong password in the pgpass file) and an unreachable server whose URL carries a parameter.
   */
  void postgres() throws Exception {
    Optional<String> why = PostgresServer.unavailable();
    if (why.isPresent()) {
      assertThat("true".equals(System.getenv("CI"))).as("CI installs postgresql (.ci/run): " + why.get()).isFalse();
      outputs.add("postgres state: not run", why.get());
      return;
    }
    PostgresServer server = PostgresServer.start();
    cleanup.add(server);
    server.createDatabase("redact_corpus");
    String url = server.url("redact_corpus");
    Path pgpass = pgpass("pgpass", server.port(), server.password());
    System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
    cleanup.add(() -> System.clearProperty("org.postgresql.pgpassfile"));
    for (int i = 1; i <= 2; i++) {
      exits(outputs.wraith("scan-all --state postgresql " + i, offline("results-pg-" + i, "--state", url, "--format", "json")
          .toArray(String[]::new)), 0, 1);
    }
    exits(outputs.wraith("history --state postgresql", "history", "--state", url, "--format", "json"), 0);
    exits(outputs.wraith("diff --state postgresql", "diff", "--state", url, "--format", "json"), 0);
    outputs.add("postgres state tables", tables(server));
    String withPassword = "postgresql://wraith:" + plants.plant("--state URL password", "%s") + "@127.0.0.1:" + server.port()
        + "/redact_corpus";
    exits(outputs.wraith("error: --state URL with a password", "history", "--state", withPassword), 2);
    exits(outputs.wraith("error: --state URL with ?password=", "history", "--state",
        url + "?password=" + plants.plant("--state URL ?password=", "%s")), 2);
    Outputs.Run unparsed = outputs.wraith("error: --state URL that does not parse", "history", "--state",
        "postgresql://wraith:" + plants.plant("--state URL that does not parse: password", "%s") + "@[::1/redact_corpus");
    exits(unparsed, 2);
    assertThat(unparsed.err()).as("the message's hint survives the redactor").contains("postgresql://***@[::1/redact_corpus",
        "expected postgresql://[user@]host[:port]/database");
    System.setProperty("org.postgresql.pgpassfile", pgpass("pgpass-wrong", server.port(),
        plants.plant("a wrong password in the pgpass file", "%s")).toString());
    exits(outputs.wraith("error: refused login", "history", "--state", url), 2);
    exits(outputs.wraith("error: unreachable server", "history", "--state", "postgresql://wraith@127.0.0.1:"
        + Loopback.freePort() + "/redact_corpus?ApplicationName=" + plants.plant("--state URL parameter value", "%s")), 2);
  }

  private Path pgpass(String name, int port, String password) throws Exception {
    Path f = Files.writeString(root.resolve(name), "127.0.0.1:" + port + ":*:" + PostgresServer.USER + ":" + password + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    return f;
  }

  /** Every row of every table wraith created, as text. */
  private static String tables(PostgresServer server) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection conn = server.connect("redact_corpus"); Statement st = conn.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet t = st.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables "
          + "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
        while (t.next()) names.add(t.getString(1));
      }
      assertThat(names).as("wraith's tables").isNotEmpty();
      for (String name : names) {
        try (ResultSet r = st.executeQuery("SELECT * FROM " + name)) {
          int columns = r.getMetaData().getColumnCount();
          while (r.next()) {
            out.append(name);
            for (int i = 1; i <= columns; i++) out.append(' ').append(r.getString(i));
            out.append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  private void add(String name, Outputs.Run r) {
    outputs.add(name + " (stdout)", r.out());
    outputs.add(name + " (stderr)", r.err());
  }

  private static void exits(Outputs.Run r, Integer... codes) {
    assertThat(r.code()).as(r.err()).isIn((Object[]) codes);
  }
}
