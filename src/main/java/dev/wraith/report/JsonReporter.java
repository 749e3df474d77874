package dev.wraith.report;

import dev.wraith.redact.Redactor;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ModelUse;
import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** {@code --format json}: every finding with its rule, place, provider, framework, capabilities and confidence. */
public final class JsonReporter extends RedactingReporter<ScanReport> {
  /** The document's shape; field order is the output order. */
  record Document(
      String tool, String version, Map<String, Object> catalogue, List<String> roots, List<Layer> layers,
      Stats stats, List<Agent> agents, List<JsonFinding> findings, List<JsonDeployment> deployments,
      List<Model> models) {}

  /** Counters without timings, so two runs on the same tree give identical files. */
  record Stats(long filesSeen, long filesRead, long filesParsed, long bytesRead, long skipped) {
    static Stats of(CodeScan.Stats s) {
      return new Stats(s.filesSeen(), s.filesRead(), s.filesParsed(), s.bytesRead(), s.skipped());
    }
  }

  record Agent(String file, String role, List<String> frameworks, List<String> providers, List<String> capabilities,
      List<String> models, String severity, int findings) {
    static Agent of(CodeAgent a) {
      return new Agent(a.path(), a.role(), a.frameworks(), a.providers(), a.capabilities(), a.models(), a.severity().id(),
          a.findings());
    }
  }

  record JsonDeployment(String kind, String file, int line, String name, String workloadKind, String namespace,
      List<String> images, List<String> commands, List<String> envVars, List<String> scripts, List<String> envSources,
      Map<String, String> attributes) {
    static JsonDeployment of(Deployment d) {
      return new JsonDeployment(d.kind().id(), d.location().path(), d.location().line(), d.name(), d.workloadKind(),
          d.namespace(), d.images(), d.commands(), d.envVars(), d.scripts(), d.envSources(), d.attributes());
    }
  }

  record Model(String file, int line, String model, Map<String, String> parameters) {
    static Model of(ModelUse m) {
      return new Model(m.location().path(), m.location().line(), m.model(), m.parameters());
    }
  }

  record Layer(String layer, String state, String reason, List<String> warnings,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) List<String> notes) {
    static Layer of(LayerStatus s) {
      return new Layer(s.layer(), s.state().id(), s.reason(), s.warnings(), s.notes());
    }
  }

  record JsonFinding(
      String id, String rule, String severity, String confidence, String file, int line, int column, String subject,
      String provider, String framework, String evidence, List<String> capabilities, Map<String, String> attributes) {
    static JsonFinding of(Finding f) {
      return new JsonFinding(f.id(), f.kind().id(), f.severity().id(), f.confidence().id(), f.location().path(),
          f.location().line(), f.location().column(), f.subject(), f.provider(), f.framework(), f.evidence(),
          List.copyOf(f.capabilities()), f.attributes());
    }
  }

  public JsonReporter(Redactor redactor) {
    super("json", redactor);
  }

  @Override
  public void write(ScanReport report, OutputStream out) throws IOException {
    CodeScan c = report.code();
    Document doc = new Document(report.tool().name(), report.tool().version(),
        Map.of("version", report.tool().catalogueVersion(), "schema", report.tool().catalogueSchema()),
        c.roots(), List.of(Layer.of(c.status())), Stats.of(c.stats()), c.agents().stream().map(Agent::of).toList(),
        c.findings().stream().map(JsonFinding::of).toList(), c.deployments().stream().map(JsonDeployment::of).toList(),
        c.models().stream().map(Model::of).toList());
    Json.write(Json.mapper(redactor), out, doc);
  }
}
