package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.cluster.AuditLogReader;
import dev.wraith.cluster.ClusterCollector;
import dev.wraith.cluster.KubeApi;
import dev.wraith.model.ClusterReport;
import dev.wraith.model.ScanReport;
import java.nio.file.Path;
import java.util.List;

/** Runs the cluster layer over one {@link KubeApi} and the given audit logs, and wraps the result as a report. */
public final class ClusterLayer {
  private ClusterLayer() {}

  public static ClusterReport scan(Catalogue catalogue, KubeApi api, List<Path> auditLogs, String toolVersion) {
    AuditLogReader.Result audit = new AuditLogReader(dev.wraith.redact.Redactor.of(catalogue)).read(auditLogs);
    return new ClusterReport(new ScanReport.Tool("wraith", toolVersion, catalogue.version(), catalogue.schema()),
        new ClusterCollector(catalogue).collect(api, audit));
  }
}
