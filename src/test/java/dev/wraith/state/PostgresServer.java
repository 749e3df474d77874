package dev.wraith.state;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian's {@code postgresql} package) for one test class: {@code initdb} in a temporary
 * directory named {@code fleet-pg-*}, a free loopback port, the unix socket in that directory, password (SCRAM)
 * login over TCP for the superuser {@code wraith}. PostgreSQL refuses to run as root, so as root the server runs as
 * the {@code postgres} system user ({@code runuser}). {@link #close()} stops it and deletes the directory.
 */
public final class PostgresServer implements AutoCloseable {
  public static final String USER = "wraith";
  private static final Path DEBIAN = Path.of("/usr/lib/postgresql");

  private final Path dir;
  private final Path bin;
  private final int port;
  private final String password;

  private PostgresServer(Path dir, Path bin, int port, String password) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
    this.password = password;
  }

  /**
   * Why no server can be started here, or empty when one can. Under CI (CI=true) .ci/run installs the package, so a
   * missing server there is a failure, not a skip: callers assume this is empty only outside CI.
   */
  public static Optional<String> unavailable() {
    if (bin().isEmpty()) return Optional.of("PostgreSQL server binaries are not installed (apt-get install postgresql)");
    if (root() && !Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
      return Optional.of("running as root without runuser: PostgreSQL refuses to run as root");
    }
    return Optional.empty();
  }

  public static PostgresServer start() throws IOException, InterruptedException {
    Path bin = bin().orElseThrow(() -> new IllegalStateException(unavailable().orElse("no PostgreSQL")));
    Path dir = Files.createTempDirectory("fleet-pg-");
    byte[] secret = new byte[12];
    new SecureRandom().nextBytes(secret);
    String password = HexFormat.of().formatHex(secret);
    Path pwfile = Files.writeString(dir.resolve("pwfile"), password + "\n", StandardCharsets.UTF_8);
    if (root()) run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
    PostgresServer server = new PostgresServer(dir, bin, freePort(), password);
    server.asOwner(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
        "--pwfile=" + pwfile, "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "-E", "UTF8",
        "--locale=C.UTF-8"));
    server.asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
        dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", "-p " + server.port + " -k " + dir
            + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60", "start"));
    return server;
  }

  public int port() {
    return port;
  }

  public String password() {
    return password;
  }

  /** {@code postgresql://wraith@127.0.0.1:PORT/database}: no password, as a user would write it. */
  public String url(String database) {
    return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + database;
  }

  public StateLocation location(String database) {
    return StateLocation.parse(url(database));
  }

  /** The environment a scanner would have: the password in WRAITH_STATE_PASSWORD. */
  public Map<String, String> env() {
    return Map.of("WRAITH_STATE_PASSWORD", password);
  }

  /** Creates an empty database (the server's superuser owns it). */
  public void createDatabase(String name) throws SQLException {
    try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE \"" + name + "\"");
    }
  }

  /** A plain JDBC connection as the superuser, for the test's own checks. */
  public Connection connect(String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", USER);
    p.setProperty("password", password);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
  }

  @Override
  public void close() throws IOException {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the PostgreSQL server in " + dir, e);
    }
  }

  private void stop() throws IOException, InterruptedException {
    try {
      asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
          "stop"));
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  private void asOwner(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (root()) full.addAll(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(command);
    run(full);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + out);
  }

  /** The newest installed major version's bin directory, e.g. /usr/lib/postgresql/15/bin. */
  private static Optional<Path> bin() {
    if (!Files.isDirectory(DEBIAN)) return Optional.empty();
    try (Stream<Path> versions = Files.list(DEBIAN)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(b -> b.getParent().getFileName().toString(),
              Comparator.comparingInt((String s) -> s.length()).thenComparing(Comparator.naturalOrder())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
