package dev.wraith.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code wraith demo}: scan-all over bundled, recorded inputs, offline. Extracts them to a temporary directory,
 * runs {@code scan-all} with the same code path a real scan takes, and removes the directory afterwards.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Runs scan-all offline on a recorded incident and shows what wraith finds.",
        "",
        "The bundled inputs: a monorepo with AI services "
            + "(examples/acme-support), a cluster snapshot, a Kubernetes audit log, eleven days of Tetragon events and "
            + "the DNS answers wraith's sensor recorded on the node, and an MCP client config (examples/demo). In them: "
            + "two services built from the repo and seen calling their "
            + "providers (CONFIRMED), agents in code not seen running (UNKNOWN), and a ghost: a Python script someone "
            + "exec'd into the payments pod, calling OpenAI every four minutes for eleven days.",
        "",
        "Nothing is contacted: no cluster, no Tetragon socket, no DNS; the host layer is skipped (it would show this "
            + "machine's processes). Connections are attributed by the names each process resolved (--dns-log): "
            + "api.openai.com sits on a Cloudflare address that the payments API in the same pod also calls for a "
            + "partner's site, and only the recorded DNS answers tell the ghost's OpenAI calls from that neighbour's.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith demo                    the inventory, results in ./wraith-results",
        "  wraith demo --format json      inventory.json on standard output",
        "  wraith demo --state demo.db    remember it; run again to see what changed"
    })
final class DemoCommand implements Callable<Integer>, ExitCodes.Documented {
  @Override
  public ExitCodes.Help exitCodes() {
    return ExitCodes.help().usage(ExitCodes.OUTPUT);
  }

  /** The bundled DNS answers the sensor recorded (examples/demo/generate.py writes them). */
  static final String DNS_LOG = "dns.jsonl.gz";

  /** Only an --output on the demo's own command line counts: WRAITH_OUTPUT must not fill real results with the demo. */
  @CommandLine.Mixin ResultsOptions results = new ResultsOptions();

  @CommandLine.Mixin FormatOptions format = new FormatOptions("table", "json");

  /** Only a --state on the demo's own command line counts: WRAITH_STATE must not fill a real database with the demo. */
  @CommandLine.Mixin StateOptions state = new StateOptions();

  @CommandLine.Mixin ColourOptions colour = new ColourOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Extracted inputs live in {@code wraith-demo-PID-*} under the temporary directory. */
  private static final String PREFIX = "wraith-demo-";

  @Override
  public Integer call() throws Exception {
    String view = format.format(); // a format the demo does not write is refused before anything is extracted
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    removeStale(tmp);
    Path dir = Files.createTempDirectory(tmp, PREFIX + ProcessHandle.current().pid() + "-");
    Thread onKill = new Thread(() -> deleteQuietly(dir), "wraith-demo-cleanup"); // SIGTERM, Ctrl-C
    Runtime.getRuntime().addShutdownHook(onKill);
    try {
      extract(dir);
      List<String> args = new ArrayList<>(List.of(
          dir.resolve("acme-support").toString(),
          "--kube-snapshot", dir.resolve("cluster.json").toString(),
          "--audit-log", dir.resolve("audit.log").toString(),
          "--tetragon-events", dir.resolve("tetragon.log.gz").toString(),
          "--home", dir.resolve("home").toString(),
          "--dns-log", dir.resolve(DNS_LOG).toString(),
          "--skip-layers", "host",
          "--present-skip", "not part of the demo: it would show this machine's processes; run 'wraith scan-all' for them",
          "--present-root", dir.resolve("acme-support") + "=examples/acme-support",
          "--no-dns",
          "--output", results.commandLineOnly().toString(),
          "--format", view));
      if (state.onCommandLine()) {
        args.addAll(List.of("--state", state.value));
      } else {
        args.add("--no-state");
      }
      if (colour.noColor) args.add("--no-color");
      CommandLine scanAll = spec.root().commandLine().getSubcommands().get("scan-all");
      return scanAll.execute(args.toArray(String[]::new));
    } finally {
      deleteTree(dir);
      try {
        Runtime.getRuntime().removeShutdownHook(onKill);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it deletes the same directory
      }
    }
  }

  /** Removes demo directories a killed wraith left behind (SIGKILL, power loss): those whose process is gone. */
  static void removeStale(Path tmp) {
    try (Stream<Path> all = Files.list(tmp)) {
      for (Path p : all.toList()) {
        String name = p.getFileName().toString();
        if (!name.startsWith(PREFIX) || !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
        String pid = name.substring(PREFIX.length()).split("-", 2)[0];
        if (!pid.matches("\\d{1,18}")) continue;
        long id = Long.parseLong(pid);
        if (id == ProcessHandle.current().pid() || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false)) continue;
        deleteQuietly(p);
      }
    } catch (IOException | RuntimeException e) {
      // a courtesy: an unlistable temporary directory fails the extraction that follows, with its reason
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      deleteTree(dir);
    } catch (IOException | RuntimeException e) {
      // best effort at shutdown; the next demo removes what is left
    }
  }

  /** Copies the bundled demo/ resources (from the jar or the classes directory) into {@code dir}. */
  static void extract(Path dir) throws IOException {
    URL marker = DemoCommand.class.getResource("/demo/cluster.json");
    if (marker == null) throw new IOException("the demo inputs are not bundled in this build (demo/ missing)");
    URI uri;
    try {
      uri = marker.toURI();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    if ("jar".equals(uri.getScheme())) {
      try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
        copyTree(fs.getPath("/demo"), dir);
      }
    } else {
      copyTree(Path.of(uri).getParent(), dir);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          try (InputStream in = Files.newInputStream(p)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
