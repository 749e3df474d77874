package dev.wraith.report;

import dev.wraith.redact.Redactor;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wraith.model.AiDeclaration;
import dev.wraith.model.ClusterReport;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.ContainerDecl;
import dev.wraith.model.ExecSession;
import dev.wraith.model.ReachReason;
import dev.wraith.model.Workload;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** {@code wraith cluster --format json}: every AI workload with lineage, declarations, reach and exec sessions. */
public final class ClusterJsonReporter extends RedactingReporter<ClusterReport> {
  /** The document's shape; field order is the output order. */
  record Document(String tool, String version, Map<String, Object> catalogue, List<String> sources,
      List<JsonReporter.Layer> layers, ClusterScan.Stats stats, List<JsonWorkload> workloads, List<Session> execSessions) {}

  record JsonWorkload(String namespace, String name, String kind, String lineage, List<String> lineageEvidence,
      boolean unmanaged, String serviceAccount, String created, int restarts, List<String> providers, List<String> pods,
      List<Declaration> ai, List<Reach> reach, List<Container> containers, List<Session> execSessions,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) String cluster) {
    static JsonWorkload of(Workload w) {
      return new JsonWorkload(w.namespace(), w.name(), w.kind(), w.lineage().id(), w.lineageEvidence(),
          w.lineage().unmanaged(), w.serviceAccount(), w.created(), w.restarts(), w.providers(), w.pods(),
          w.ai().stream().map(Declaration::of).toList(), w.reach().stream().map(Reach::of).toList(),
          w.containers().stream().map(Container::of).toList(), w.execSessions().stream().map(Session::of).toList(),
          w.cluster());
    }
  }

  record Declaration(String source, String provider, String evidence, String container) {
    static Declaration of(AiDeclaration d) {
      return new Declaration(d.source().id(), d.provider(), d.evidence(), d.container());
    }
  }

  record Reach(String kind, String detail) {
    static Reach of(ReachReason r) {
      return new Reach(r.kind().id(), r.detail());
    }
  }

  record Container(String name, String kind, String image, String command, List<String> envVars,
      List<String> secretRefs, List<String> configMapRefs, List<Integer> ports) {
    static Container of(ContainerDecl c) {
      return new Container(c.name(), c.kind().id(), c.image(), c.command(), c.envVars(), c.secretRefs(),
          c.configMapRefs(), c.ports());
    }
  }

  /** {@code cluster} (in a session and a workload) only when the scan named its clusters. */
  record Session(String source, String namespace, String pod, String container, String user, String command,
      String time, int code, @JsonInclude(JsonInclude.Include.NON_EMPTY) String cluster) {
    static Session of(ExecSession s) {
      return new Session(s.source().id(), s.namespace(), s.pod(), s.container(), s.user(), s.command(), s.time(), s.code(),
          s.cluster());
    }
  }

  public ClusterJsonReporter(Redactor redactor) {
    super("json", redactor);
  }

  @Override
  public void write(ClusterReport report, OutputStream out) throws IOException {
    ClusterScan c = report.cluster();
    Document doc = new Document(report.tool().name(), report.tool().version(),
        Map.of("version", report.tool().catalogueVersion(), "schema", report.tool().catalogueSchema()), c.sources(),
        List.of(JsonReporter.Layer.of(c.status())), c.stats(), c.workloads().stream().map(JsonWorkload::of).toList(),
        c.execSessions().stream().map(Session::of).toList());
    Json.write(Json.mapper(redactor), out, doc);
  }
}
