package dev.wraith.host.ebpf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces joined by a veth pair: "PREFIX-s…" holds the servers, "PREFIX-c…" the clients, whose
 * resolv.conf (through ip netns exec) points at the servers' dnsmasq. dnsmasq answers AI providers' names and a non-AI
 * name ("cdn-neighbour.example") with the same public-looking "edge" address (api.anthropic.com through a CNAME), as a
 * CDN does, and "models.internal" with the private server address. The edge address lies in a range the catalogue
 * says Anthropic publishes ({@link #EDGE}), so address evidence alone calls everything on it Anthropic: only names tell
 * the tenants apart. An HTTPS server takes any SNI on 443 and a plain-HTTP "model server" answers on 8080, on every
 * address; tinyproxy serves CONNECT on the private address. Everything made here is undone by {@link #close()};
 * traffic never leaves the two namespaces (the client's only routes are the veth's: the edge address is on-link).
 */
final class ProbeLab implements AutoCloseable {
  static final List<String> TOOLS = List.of("ip", "dnsmasq", "tinyproxy", "openssl", "curl", "node", "java");
  static final String RESOURCES = "src/test/resources/host/ebpf/";
  /** In Anthropic's published 160.79.104.0/23 (catalogue providers.yaml): reachable here only inside the lab. */
  static final String EDGE = "160.79.104.10";

  final String tag = Integer.toHexString(0x1000 + ThreadLocalRandom.current().nextInt(0xefff));
  final String prefix, srv, cli;
  final int subnet = 1 + ThreadLocalRandom.current().nextInt(250);
  final String server = "10.213." + subnet + ".2", client = "10.213." + subnet + ".1", edge = EDGE;
  /** The server's IPv6 address (Java's canonical text), and the client's. */
  final String server6 = "fd00:213:0:" + Integer.toHexString(subnet) + ":0:0:0:2", client6 = "fd00:213:0:" + Integer.toHexString(subnet) + ":0:0:0:1";
  final Path dir;
  private final List<Process> daemons = new ArrayList<>();

  private ProbeLab(String prefix) throws IOException {
    this.prefix = prefix;
    this.srv = prefix + "-s" + tag;
    this.cli = prefix + "-c" + tag;
    dir = Files.createTempDirectory(prefix + "-lab-");
  }

  /** Why this machine cannot build the lab, or empty. */
  static Optional<String> unavailable() {
    try {
      if (!Files.readString(Path.of("/proc/self/status")).contains("\nUid:\t0\t")) return Optional.of("needs root (network namespaces)");
    } catch (IOException e) {
      return Optional.of("no /proc");
    }
    for (String t : TOOLS) if (which(t).isEmpty()) return Optional.of("needs " + t + " on PATH (.ci/run installs it)");
    if (!Files.isExecutable(Path.of(python()))) return Optional.of("needs python3");
    return Optional.empty();
  }

  static ProbeLab start() throws Exception {
    return start("probe");
  }

  /** @param prefix names the namespaces, veth pair and temp directory (a test's own prefix) */
  static ProbeLab start(String prefix) throws Exception {
    ProbeLab lab = new ProbeLab(prefix);
    try {
      lab.network();
      lab.servers();
      return lab;
    } catch (Exception | AssertionError e) {
      lab.close();
      throw e;
    }
  }

  static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : which("python3").map(Path::toString).orElse("python3");
  }

  /** Starts {@code cmd} in the client namespace; ip netns exec execs it, so the process's pid is the client's. */
  Process client(String... cmd) throws IOException {
    return client(java.util.Map.of(), cmd);
  }

  Process client(java.util.Map<String, String> env, String... cmd) throws IOException {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", cli));
    all.addAll(List.of(cmd));
    ProcessBuilder b = new ProcessBuilder(all).redirectErrorStream(true);
    b.environment().putAll(env);
    return b.start();
  }

  /** Runs a client to its end and returns it; fails on a non-zero exit with its output. */
  Process run(String... cmd) throws Exception {
    return run(java.util.Map.of(), cmd);
  }

  Process run(java.util.Map<String, String> env, String... cmd) throws Exception {
    Process p = client(env, cmd);
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
    return p;
  }

  /** The client namespace's inode, as the probe reports it. */
  long clientNetns() throws IOException {
    return (Long) Files.getAttribute(Path.of("/var/run/netns", cli), "unix:ino");
  }

  private void network() throws Exception {
    sh("ip", "netns", "add", srv);
    sh("ip", "netns", "add", cli);
    String a = prefix + tag + "s", b = prefix + tag + "c";
    sh("ip", "link", "add", a, "type", "veth", "peer", "name", b);
    sh("ip", "link", "set", a, "netns", srv);
    sh("ip", "link", "set", b, "netns", cli);
    sh("ip", "-n", srv, "addr", "add", server + "/24", "dev", a);
    sh("ip", "-n", cli, "addr", "add", client + "/24", "dev", b);
    sh("ip", "-n", srv, "addr", "add", server6 + "/64", "dev", a, "nodad"); // nodad: usable at once
    sh("ip", "-n", cli, "addr", "add", client6 + "/64", "dev", b, "nodad");
    sh("ip", "-n", srv, "addr", "add", edge + "/32", "dev", a);
    for (String[] l : new String[][] {{srv, a}, {srv, "lo"}, {cli, b}, {cli, "lo"}}) sh("ip", "-n", l[0], "link", "set", l[1], "up");
    sh("ip", "-n", cli, "route", "add", edge + "/32", "dev", b); // on-link: the lab's only way there
    for (String ns : List.of(srv, cli)) {
      Files.createDirectories(Path.of("/etc/netns", ns));
      Files.writeString(Path.of("/etc/netns", ns, "resolv.conf"), "nameserver " + server + "\n");
    }
  }

  private void servers() throws Exception {
    sh("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
        "-subj", "/CN=probe-lab", "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString());
    daemon("dnsmasq", "--keep-in-foreground", "--no-resolv", "--no-hosts", "--bind-interfaces", "--listen-address=" + server,
        "--port=53", "--local-ttl=30", "--user=root", "--pid-file=" + dir.resolve("dnsmasq.pid"), "--log-facility=" + dir.resolve("dnsmasq.log"),
        "--address=/api.openai.com/" + edge, "--address=/api.openai.com/" + server6,
        "--address=/generativelanguage.googleapis.com/" + edge,
        "--address=/cdn-neighbour.example/" + edge, "--address=/models.internal/" + server,
        "--host-record=anthropic.edge.example," + edge, "--cname=api.anthropic.com,anthropic.edge.example");
    Process web = daemon(python(), Path.of(RESOURCES, "lab_server.py").toAbsolutePath().toString(), server + "," + edge + "," + server6,
        dir.resolve("cert.pem").toString(), dir.resolve("key.pem").toString());
    byte[] ready = web.getInputStream().readNBytes(6);
    if (!new String(ready).equals("ready\n")) throw new IOException("lab server did not start: " + new String(ready));
    Files.writeString(dir.resolve("tinyproxy.conf"), "Port 8888\nListen " + server + "\nTimeout 10\nAllow " + client
        + "\nConnectPort 443\nMaxClients 20\nLogLevel Error\nPidFile \"" + dir.resolve("tinyproxy.pid") + "\"\n");
    daemon("tinyproxy", "-d", "-c", dir.resolve("tinyproxy.conf").toString());
    awaitReady();
  }

  /** Until the client namespace resolves a name and reaches the proxy: daemons take a moment to bind. */
  private void awaitReady() throws Exception {
    String check = "import socket\nsocket.getaddrinfo('api.anthropic.com',443)\nsocket.create_connection(('" + server + "',8888),1).close()";
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      Process p = client(python(), "-c", check);
      if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) return;
      if (System.nanoTime() > end) throw new IOException("lab not ready: " + new String(p.getInputStream().readAllBytes()));
      Thread.sleep(100);
    }
  }

  private Process daemon(String... cmd) throws IOException {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", srv));
    all.addAll(List.of(cmd));
    Process p = new ProcessBuilder(all).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    daemons.add(p);
    return p;
  }

  private static void sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + ": " + out);
  }

  private static Optional<Path> which(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path p = Path.of(d, tool);
      if (Files.isExecutable(p)) return Optional.of(p);
    }
    for (String d : List.of("/usr/sbin", "/sbin")) if (Files.isExecutable(Path.of(d, tool))) return Optional.of(Path.of(d, tool));
    return Optional.empty();
  }

  @Override
  public void close() {
    for (Process p : daemons) {
      p.destroy();
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (String ns : List.of(srv, cli)) {
      try {
        sh("ip", "netns", "del", ns); // takes the veth pair with it
      } catch (Exception e) {
        // never created
      }
      deleteTree(Path.of("/etc/netns", ns));
    }
    deleteTree(dir);
  }

  private static void deleteTree(Path p) {
    try (var s = Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // absent
    }
  }
}
