package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.cluster.AuditLogReader;
import dev.wraith.cluster.ClusterCollector;
import dev.wraith.cluster.SnapshotKubeApi;
import dev.wraith.model.ClusterReport;
import dev.wraith.model.ScanReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both cluster formats: deterministic, sorted, and never a secret value from the fixtures. */
class ClusterReportersTest {
  /** Every secret value planted in the fixtures (env values, args, Secret data base64 and plain, URL user-info/query). */
  static final List<String> PLANTED = List.of("PLAINTEXT-SECRET-VALUE", "sk-ant-api03", "c2stcHJvai1TRUNSRVQ", "SECRET-DATA",
      "hf_PLAINTEXTSECRETYAMLVALUE", "c2stWUFNTC1TRUNSRVQ", "pcsk_SECRET_IN_QUERY", "hunter2", "SECRET_Q", "AUDITSECRET");

  @ParameterizedTest
  @ValueSource(strings = {"table", "json"})
  void noPlantedSecretEverAppearsAndOutputIsByteStable(String format) throws Exception {
    String first = render(format);
    assertThat(render(format)).isEqualTo(first);
    for (String s : PLANTED) assertThat(first).as("leaked " + s).doesNotContain(s);
    assertThat(first).doesNotContain("coredns").doesNotContain("calico").doesNotContain("nginx");
    assertThat(first.indexOf("nightly-embed")).isLessThan(first.indexOf("scratch-agent"));
    assertThat(first.indexOf("scratch-agent")).isLessThan(first.indexOf("checkout-api"));
  }

  /** Golden files ({@link dev.wraith.Golden}). */
  @ParameterizedTest
  @ValueSource(strings = {"table", "json"})
  void matchesTheGoldenFile(String format) throws Exception {
    Path golden = Path.of("src/test/resources/cluster/golden-cluster." + (format.equals("json") ? "json" : "txt"));
    dev.wraith.Golden.assertMatches(golden, render(format));
  }

  static String render(String format) throws IOException, URISyntaxException {
    SnapshotKubeApi api = SnapshotKubeApi.read(List.of(res("snapshot-cluster.json"), res("snapshot-rbac-and-more.yaml")));
    var scan = new ClusterCollector(CatalogueLoader.bundled()).collect(api, new AuditLogReader(dev.wraith.redact.Redactor.bundled()).read(List.of(res("audit.log"))));
    ClusterReport report = new ClusterReport(new ScanReport.Tool("wraith", "test", "0", 1), scan);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    (format.equals("json") ? new ClusterJsonReporter(dev.wraith.redact.Redactor.bundled()) : new ClusterTableReporter(dev.wraith.redact.Redactor.bundled())).write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Path res(String name) throws URISyntaxException {
    return Path.of("src/test/resources/cluster", name);
  }
}
