package dev.wraith.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Rule;
import dev.wraith.model.Finding;
import dev.wraith.model.Hashes;
import dev.wraith.model.FindingKind;
import dev.wraith.model.ScanReport;
import dev.wraith.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format sarif}: SARIF 2.1.0 for code scanning in CI. Every finding kind is a rule with its full
 * metadata; every finding one result with a root-relative URI (base id %SRCROOT%), a line, and a partial fingerprint
 * that survives lines moving (see {@link #fingerprintKey}). No timestamps, so output is reproducible.
 */
public final class SarifReporter extends RedactingReporter<ScanReport> {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private final Catalogue catalogue;

  public SarifReporter(Catalogue catalogue) {
    super("sarif", dev.wraith.redact.Redactor.of(catalogue));
    this.catalogue = catalogue;
  }

  record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {}

  record Run(Tool tool, List<Result> results, List<Invocation> invocations, Map<String, Object> properties) {}

  record Tool(Driver driver) {}

  record Driver(String name, String version, String semanticVersion, List<Descriptor> rules) {}

  record Descriptor(String id, String name, Text shortDescription, Text fullDescription, Help help,
      Configuration defaultConfiguration, Map<String, Object> properties) {}

  record Text(String text) {}

  record Help(String text, String markdown) {}

  record Configuration(String level) {}

  record Result(String ruleId, int ruleIndex, String level, Text message, List<Location> locations,
      Map<String, String> partialFingerprints, Map<String, Object> properties) {}

  record Location(PhysicalLocation physicalLocation) {}

  record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {}

  record ArtifactLocation(String uri, String uriBaseId) {}

  record Region(Integer startLine, Integer startColumn) {}

  record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {}

  record Notification(String level, Text message) {}

  @Override
  public void write(ScanReport report, OutputStream out) throws IOException {
    List<FindingKind> kinds = List.of(FindingKind.values());
    List<Descriptor> rules = kinds.stream().map(this::descriptor).toList();
    List<Result> results = new ArrayList<>();
    Map<String, Integer> seen = new java.util.HashMap<>();
    for (Finding f : report.code().findings()) {
      // findings come sorted by place, so the n-th same finding of a file stays the n-th when lines move
      String key = fingerprintKey(f);
      int occurrence = seen.merge(key, 1, Integer::sum);
      results.add(result(f, kinds.indexOf(f.kind()), fingerprint(key, occurrence)));
    }
    List<Notification> notes = report.code().status().warnings().stream()
        .map(w -> new Notification("warning", new Text(w))).toList();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("catalogueVersion", report.tool().catalogueVersion());
    props.put("catalogueSchema", report.tool().catalogueSchema());
    Run run = new Run(new Tool(new Driver(report.tool().name(), report.tool().version(), report.tool().version(), rules)),
        results, List.of(new Invocation(true, notes)), props);
    Json.write(Json.mapper(redactor), out, new Log(SCHEMA, "2.1.0", List.of(run)));
  }

  private Descriptor descriptor(FindingKind k) {
    Rule r = catalogue.rule(k.id()).orElseThrow();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("tags", List.of("ai", "ai-inventory", "security"));
    props.put("security-severity", securitySeverity(r.severity()));
    String markdown = "**" + r.shortDescription() + "**\n\n" + r.fullDescription() + "\n\n" + r.help();
    return new Descriptor(r.id(), r.name(), new Text(r.shortDescription()), new Text(r.fullDescription()),
        new Help(r.help(), markdown), new Configuration(r.severity().id()), props);
  }

  /**
   * What identifies a finding across edits: its kind, file, subject and evidence, never its line or column, so adding
   * a line above it keeps its code-scanning alert open instead of closing it and opening a new one.
   */
  static String fingerprintKey(Finding f) {
    return f.kind().id() + "\0" + f.location().path() + "\0" + f.subject() + "\0" + f.evidence();
  }

  /** The key's hash, with the occurrence number telling apart the same finding repeated in one file. */
  static String fingerprint(String key, int occurrence) {
    return Hashes.sha256Hex(key).substring(0, 32) + ":" + occurrence;
  }

  private Result result(Finding f, int ruleIndex, String fingerprint) {
    StringBuilder msg = new StringBuilder(catalogue.rule(f.kind().id()).map(Rule::shortDescription).orElse(f.kind().id()));
    msg.append(": ").append(f.evidence());
    if (!f.provider().isEmpty()) msg.append(" (provider ").append(f.provider()).append(')');
    if (!f.capabilities().isEmpty()) msg.append(" [").append(String.join(", ", f.capabilities())).append(']');
    Region region = f.location().line() > 0
        ? new Region(f.location().line(), f.location().column() > 0 ? f.location().column() : null) : null;
    Location loc = new Location(new PhysicalLocation(new ArtifactLocation(uri(f.location().path()), "%SRCROOT%"), region));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("subject", f.subject());
    props.put("provider", f.provider());
    props.put("framework", f.framework());
    props.put("confidence", f.confidence().id());
    props.put("capabilities", List.copyOf(f.capabilities()));
    props.put("attributes", f.attributes());
    return new Result(f.kind().id(), ruleIndex, f.severity().id(), new Text(msg.toString()), List.of(loc),
        Map.of("wraithFinding/v2", fingerprint), props);
  }

  static String securitySeverity(Severity s) {
    return switch (s) {
      case NOTE -> "2.0";
      case WARNING -> "5.0";
      case ERROR -> "8.0";
    };
  }

  static String uri(String relativePath) {
    try {
      return new URI(null, null, relativePath, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot form a URI from " + relativePath, e);
    }
  }
}
