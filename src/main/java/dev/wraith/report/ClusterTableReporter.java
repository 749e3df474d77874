package dev.wraith.report;

import dev.wraith.redact.Redactor;
import dev.wraith.model.AiDeclaration;
import dev.wraith.model.ClusterReport;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.ExecSession;
import dev.wraith.model.ReachReason;
import dev.wraith.model.Workload;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code wraith cluster --format table}: one row per AI workload (lineage, providers, what declared them, reach,
 * exec sessions, creation date and restarts), then the exec sessions, then the layer's warnings. Unmanaged
 * workloads (bare pods, kubectl-applied, static), those with ephemeral containers and those someone exec'd into
 * (allowed sessions; denied ones are counted apart) are marked with '!'.
 */
public final class ClusterTableReporter extends RedactingReporter<ClusterReport> {
  private static final int WARNINGS_SHOWN = 20;

  public ClusterTableReporter(Redactor redactor) {
    super("table", redactor);
  }

  @Override
  public void write(ClusterReport report, OutputStream out) throws IOException {
    ClusterScan c = report.cluster();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "wraith %s · catalogue %s · cluster layer %s · %d pods in %d workloads, %d without AI%n",
        report.tool().version(), report.tool().catalogueVersion(), c.status().stateAndReason(), c.stats().pods(), c.stats().workloads(),
        c.stats().withoutAi()));
    b.append("source: ").append(String.join(", ", c.sources())).append("\n\n");
    if (c.status().state() == dev.wraith.model.LayerStatus.State.FAILED) {
      b.append("AI workloads in the cluster: unknown, the cluster could not be read\n\n");
    } else {
      workloads(b, c.workloads());
    }
    sessions(b, c.execSessions());
    warnings(b, c);
    writeText(b, out);
  }

  private static void workloads(StringBuilder b, List<Workload> workloads) {
    long clusters = workloads.stream().map(Workload::cluster).distinct().count();
    b.append(clusters > 1 ? "AI workloads in " + clusters + " clusters: " : "AI workloads in the cluster: ")
        .append(workloads.size()).append('\n');
    if (workloads.isEmpty()) {
      b.append("  none found\n\n");
      return;
    }
    TextTable t = new TextTable(70, "", "WORKLOAD", "KIND", "LINEAGE", "PROVIDERS", "DECLARED BY", "REACH", "EXEC", "CREATED",
        "RESTARTS");
    for (Workload w : workloads) {
      long allowed = w.execSessions().stream().filter(x -> !x.denied()).count();
      long denied = w.execSessions().size() - allowed;
      boolean flag = w.lineage().unmanaged() || allowed > 0 || w.hasEphemeralContainers();
      String exec = (allowed > 0 ? String.valueOf(allowed) : "") + (denied > 0 ? (allowed > 0 ? " " : "") + "+" + denied + " denied" : "");
      String lineage = w.lineage().id() + (w.hasEphemeralContainers() ? "+ephemeral" : "");
      t.add(flag ? "!" : "", (w.cluster().isEmpty() ? "" : w.cluster() + "@") + w.namespace() + "/" + w.name(), w.kind(), lineage, String.join(", ", w.providers()),
          declaredBy(w.ai()), reach(w.reach()), exec,
          date(w.created()), String.valueOf(w.restarts()));
    }
    b.append(t.render()).append('\n');
  }

  /** Env names, images and endpoints, short: "env OPENAI_API_KEY; image ollama/ollama:0.3". */
  private static String declaredBy(List<AiDeclaration> ai) {
    TreeSet<String> env = new TreeSet<>();
    TreeSet<String> other = new TreeSet<>();
    for (AiDeclaration d : ai) {
      switch (d.source()) {
        case ENV_NAME -> env.add(d.evidence().replaceAll(" \\(configmap .*\\)$", ""));
        case IMAGE -> other.add("image " + d.evidence());
        case ENV_ENDPOINT, CONFIGMAP_ENDPOINT, HOST_ALIAS -> other.add(endpointHost(d.evidence()));
      }
    }
    List<String> parts = new ArrayList<>();
    if (!env.isEmpty()) parts.add("env " + String.join(" ", env));
    parts.addAll(other);
    return String.join("; ", parts);
  }

  private static String endpointHost(String evidence) {
    int scheme = evidence.indexOf("://");
    if (scheme < 0) return evidence.replaceAll("^configmap [^:]+: ", "");
    String rest = evidence.substring(scheme + 3);
    int slash = rest.indexOf('/');
    return "url " + (slash < 0 ? rest : rest.substring(0, slash));
  }

  private static String reach(List<ReachReason> reach) {
    TreeSet<String> kinds = new TreeSet<>();
    for (ReachReason r : reach) kinds.add(r.kind().id());
    return String.join(", ", kinds);
  }

  private static void sessions(StringBuilder b, List<ExecSession> sessions) {
    if (sessions.isEmpty()) return;
    b.append("Exec sessions and debug containers: ").append(sessions.size()).append('\n');
    TextTable t = new TextTable(70, "TIME", "POD", "CONTAINER", "SOURCE", "USER", "COMMAND", "RESULT");
    for (ExecSession s : sessions) {
      t.add(s.timeToSecond(), (s.cluster().isEmpty() ? "" : s.cluster() + "@") + s.namespace() + "/" + s.pod(), s.container(), s.source().describe(), s.user(), s.command(),
          s.code() == 0 ? "" : s.denied() ? "denied (HTTP " + s.code() + ")" : "allowed");
    }
    b.append(t.render()).append('\n');
  }

  private static void warnings(StringBuilder b, ClusterScan c) {
    List<String> w = c.status().warnings();
    if (c.stats().secretsIgnored() > 0) {
      b.append("Note: ").append(c.stats().secretsIgnored()).append(" Secret object(s) in the snapshot were skipped unread.\n");
    }
    if (w.isEmpty()) return;
    b.append("Warnings: ").append(w.size()).append('\n');
    w.stream().limit(WARNINGS_SHOWN).forEach(x -> b.append("  ").append(x).append('\n'));
    if (w.size() > WARNINGS_SHOWN) b.append("  … ").append(w.size() - WARNINGS_SHOWN).append(" more (use --format json for all)\n");
  }

  private static String date(String rfc3339) {
    return rfc3339.length() >= 16 ? rfc3339.substring(0, 10) + " " + rfc3339.substring(11, 16) : rfc3339;
  }
}
