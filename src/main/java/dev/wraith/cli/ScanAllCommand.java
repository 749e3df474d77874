package dev.wraith.cli;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.files.FileProblem;
import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import dev.wraith.delivery.Deliverer;
import dev.wraith.delivery.DeliveryResult;
import dev.wraith.redact.Redactor;
import dev.wraith.report.CycloneDxVersion;
import dev.wraith.report.GenAiNames;
import dev.wraith.report.OcsfReporter;
import dev.wraith.report.InventoryJsonReporter;
import dev.wraith.report.InventoryReport;
import dev.wraith.report.InventoryTableReporter;
import dev.wraith.scan.ScanAll;
import dev.wraith.scan.ScanAllPipeline;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wraith scan-all}: every layer at once, correlated into one inventory of agents. */
@Command(
    name = "scan-all",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Runs every available layer at once (code, cluster, host, Tetragon, MCP configs), joins what runs to the code "
            + "behind it by identity (entry script, workload manifest, image built) and classifies every agent:",
        "  CONFIRMED  in code and observed at runtime",
        "  UNKNOWN    in code, not observed at runtime",
        "  SHADOW AI  a known third-party AI app (catalogue or --allow-list)",
        "  ZOMBIE     in code, seen running by an earlier scan, not now (needs the",
        "             state database)",
        "  GHOST      runtime AI activity with no code behind it: each process or",
        "             workload its own ghost",
        "",
        "Layers that cannot run here are skipped with the reason (no cluster, not Linux, no Tetragon); --dry-run says "
            + "which would run. Offline inputs replace live ones: with --kube-snapshot no API server is contacted, with "
            + "--tetragon-events no gRPC socket is opened. Results go to --output DIR (inventory.json, code.sarif, "
            + "report.md and more); history to the state database.",
        "",
        "Several clusters (--context repeated, --all-contexts, --kube-snapshot NAME=FILE) are one inventory: each is "
            + "named by its context or NAME, which every agent, report and the state carry; the same workload in two "
            + "clusters is two agents. One cluster (bare --kube-snapshot FILEs, at most one --context) stays unnamed and "
            + "keeps its agent ids. A cluster that cannot be read makes the cluster layer partial, naming it.",
        "",
        "Each connection keeps the evidence that named its destination (sni, proxy-connect, http-host, dns-answer, pin "
            + "and cluster-address are strong; hosts-file, dns-lookup, published-range and port weak); a GHOST on weak "
            + "evidence only is suspected, one risk level lower. Connections to in-cluster addresses are named through "
            + "the cluster layer's Services and pods (\"ai-platform/litellm (AI gateway)\"). Destinations nothing "
            + "named are listed in the Tetragon layer's status with how to attribute them.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith scan-all ~/projects --duration 10   everything this machine can see",
        "  wraith scan-all . --dry-run                which layers would run, and why not",
        "  wraith scan-all services/ --kube-snapshot snap.json \\",
        "      --tetragon-events tetragon.log --audit-log audit.log",
        "                                             offline: no cluster or socket",
        "  wraith scan-all . --kube-snapshot snap.json \\",
        "      --tetragon-events tetragon.log --dns-log sensor.jsonl",
        "                                             named by the sensor's DNS answers",
        "  wraith scan-all . --context prod-eu --context staging",
        "                                             two clusters, one inventory",
        "  wraith scan-all . --all-contexts           every context of the kubeconfig",
        "  wraith scan-all . --kube-snapshot eu=eu.json --kube-snapshot us=us.json",
        "                                             offline, one named cluster per file",
        "  wraith scan-all . --skip-layers host,tetragon --fail-on GHOST   CI gate",
        "  wraith scan-all . --fail-on HIGH           any agent at HIGH risk or above",
        "  wraith scan-all --code-inventory inventories/ --kube-snapshot prod.json",
        "                                             code inventories from each",
        "                                             repository's CI ('wraith scan .",
        "                                             --format inventory'), joined as",
        "                                             if scanned here",
        "  wraith scan-all . --no-state --format json > inventory.json",
        "  wraith scan-all . --ocsf-url https://splunk:8088 --ocsf-sink splunk-hec",
        "                                             findings to Splunk (token in",
        "                                             WRAITH_OCSF_TOKEN_FILE)",
        "",
        "--fail-on here takes an agent's classification or risk; scan's takes a",
        "finding's severity."
    })
final class ScanAllCommand implements Callable<Integer>, ExitCodes.Documented {
  @Override
  public ExitCodes.Help exitCodes() {
    return ExitCodes.help().when("when several apply, the lowest of 1, 3, 4")
        .ok("ok: no agent at or above --fail-on").failOn("an agent matches --fail-on")
        .usage(ExitCodes.OUTPUT_UNRECORDED)
        .failed("a layer failed (the others still report; see the layers)",
            "the state database could not be written (the results are complete)")
        .delivery("--ocsf-url did not get every finding (see the 'OCSF delivery' line; the results and history are "
            + "complete)");
  }

  @Mixin ScanInputs in = new ScanInputs();

  @Mixin ResultsOptions results = new ResultsOptions();
  @Mixin FormatOptions format = new FormatOptions("table", "json");

  @Option(names = "--fail-on", paramLabel = "CLASS|RISK", defaultValue = "${env:WRAITH_FAIL_ON}",
      description = "Exit 1 when an agent has this classification (CONFIRMED, UNKNOWN, SHADOW_AI, ZOMBIE, GHOST) or "
          + "this risk or higher (LOW, MEDIUM, HIGH, CRITICAL): an agent's verdict, where scan's --fail-on takes a "
          + "finding's severity. Env: WRAITH_FAIL_ON.")
  String failOn;

  @Mixin WidthOptions width = new WidthOptions();

  @Option(names = "--dry-run", description = "Say which layers would run and why not; run nothing.")
  boolean dryRun;

  @Mixin ColourOptions colour = new ColourOptions();

  @Mixin CatalogueOptions catalogue = new CatalogueOptions();
  @Mixin CdxOptions cdx = new CdxOptions();
  @Mixin DeliveryOptions delivery = new DeliveryOptions();

  @Override
  public Integer call() throws Exception {
    boolean json = format.format().equals("json");
    Path outputDir = results.dir(System.getenv());
    if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
      throw new Main.UsageProblem("--output " + outputDir + " is not a directory; give a directory (it is created if missing)");
    }
    Gate gate = gate();
    var cdxVersion = cdx.version();
    Optional<Deliverer> deliverer = delivery.deliverer(System.getenv(), Main.toolVersion());
    ScanAll.Plan plan = in.plan();
    PrintStream out = System.out;
    if (dryRun) {
      out.println("wraith scan-all would run:");
      for (dev.wraith.scan.LayerPlan lp : plan.layers()) {
        out.printf("  %-9s %-5s %s%n", lp.layer(), lp.runs() ? "yes" : "no", lp.how());
      }
      out.println("  results   -> " + outputDir + (!in.state.used() ? " (no state)" : ", state -> " + in.stateLocation().display()));
      return Main.OK;
    }
    Catalogue cat = catalogue.load();
    Redactor redactor = Redactor.of(cat);
    boolean tty = Terminal.interactive();
    try (ScanInputs.Scanned run = in.run(cat, plan, tty)) {
      Results written = writeThenCommit(cat, run, cdxVersion, outputDir);
      Inventory inventory = written.scanned().inventory();
      if (json) {
        new InventoryJsonReporter(GenAiNames.of(cat), redactor).write(new InventoryReport(inventory, run.result().code()), out);
      } else {
        new InventoryTableReporter(width.resolve(System.getenv(), tty), run.result().code(), redactor)
            .write(inventory, colour.colour(tty, System.getenv()), out);
        out.println();
        out.println("Results in " + outputDir.toAbsolutePath().normalize() + ": "
            + String.join(", ", written.files().stream().map(f -> f.getFileName().toString()).toList())
            + (stateFailed(inventory) ? "; history NOT recorded (see the state layer)"
                : run.state().map(p -> "; history in " + p.display()).orElse("")));
      }
      out.flush();
      // last: the results directory and the history are complete whatever happens to the delivery, and
      // findings.ocsf.jsonl holds every finding it did not deliver
      Optional<DeliveryResult> delivered = deliverer.map(d -> d.deliver(
          new OcsfReporter(GenAiNames.of(cat), redactor).lines(inventory, run.result().code())));
      delivered.ifPresent(r -> System.err.println("wraith: " + redactor.text(r.line())
          + (r.complete() ? "" : " (every finding is in " + outputDir.resolve("findings.ocsf.jsonl") + ")")));
      if (gate.trips(inventory)) return Main.FAIL_ON;
      boolean failed = inventory.layers().stream().anyMatch(s -> s.state() == LayerStatus.State.FAILED);
      if (failed) return Main.LAYER_FAILED;
      return delivered.map(DeliveryResult::complete).orElse(true) ? Main.OK : Main.DELIVERY_FAILED;
    }
  }

  /** The results directory as written and the run as reported (with a failed state commit among its layers). */
  record Results(List<Path> files, ScanInputs.Scanned scanned) {}

  /**
   * Writes the results directory, then records the scan in the state database: results that cannot be written stop
   * the command (exit 2) with history untouched; a state commit that fails is added to the results as a FAILED "state"
   * layer (the files are written again to say so) and to the exit code (3).
   */
  Results writeThenCommit(Catalogue cat, ScanInputs.Scanned run, CycloneDxVersion cdxVersion, Path outputDir) {
    Optional<dev.wraith.model.CodeScan> code = run.result().code();
    List<Path> files;
    try {
      files = ScanAllPipeline.writeResults(cat, run.inventory(), code, outputDir, cdxVersion);
    } catch (FileProblem e) {
      String why = e.getMessage().startsWith(outputDir + ": ") ? e.getMessage().substring(outputDir.toString().length() + 2)
          : e.getMessage();
      throw new Main.UsageProblem("--output " + outputDir + ": " + why + (run.settings().state().isPresent()
          ? "; the scan was not recorded in the state database, so the next one still reports what is new" : ""));
    }
    run.inventory().layers().stream().filter(l -> l.layer().equals(ScanAllPipeline.STATE_LAYER)).findFirst()
        .ifPresent(l -> System.err.println("wraith: " + l.reason() + " (the results in " + outputDir + " are complete)"));
    Optional<LayerStatus> stateFailure = run.commit();
    if (stateFailure.isEmpty()) return new Results(files, run);
    System.err.println("wraith: " + stateFailure.get().reason() + " (the results in " + outputDir + " are complete)");
    ScanInputs.Scanned reported = run.with(ScanAllPipeline.withStatus(run.inventory(), stateFailure.get()));
    try {
      files = ScanAllPipeline.writeResults(cat, reported.inventory(), code, outputDir, cdxVersion);
    } catch (FileProblem e) {
      System.err.println("wraith: the results could not be updated to say so: " + e.getMessage());
    }
    return new Results(files, reported);
  }

  private static boolean stateFailed(Inventory inventory) {
    return inventory.layers().stream().anyMatch(l -> l.layer().equals(ScanAllPipeline.STATE_LAYER));
  }

  /** --fail-on: a classification or a risk level. */
  record Gate(Optional<Classification> classification, Optional<Risk> risk) {
    boolean trips(Inventory inv) {
      for (InventoryAgent a : inv.agents()) {
        if (classification.isPresent() && a.classification() == classification.get()) return true;
        if (risk.isPresent() && a.risk().compareTo(risk.get()) >= 0) return true;
      }
      return false;
    }
  }

  Gate gate() {
    if (failOn == null || failOn.isBlank()) return new Gate(Optional.empty(), Optional.empty());
    Optional<Classification> c = Classification.parse(failOn);
    Optional<Risk> r = Risk.parse(failOn);
    if (c.isEmpty() && r.isEmpty()) {
      throw new Main.UsageProblem("--fail-on '" + failOn + "': expected a classification (CONFIRMED, UNKNOWN, SHADOW_AI, "
          + "ZOMBIE, GHOST) or a risk (LOW, MEDIUM, HIGH, CRITICAL)");
    }
    return new Gate(c, r);
  }
}
