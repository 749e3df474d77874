package dev.wraith.incluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/ as a whole: the kustomization lists every manifest, the Helm chart renders (see {@link ChartRenderer}) to the
 * same objects as the plain manifests, the chart's CRDs are the shipped ones, the CRD schemas are structural, and
 * everything keeps {@link DeployPolicy}; which is itself shown to catch each kind of violation.
 */
class DeployManifestsTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Path DEPLOY = Path.of("deploy"), CHART = DEPLOY.resolve("helm/wraith");
  /** Applied separately (kubectl apply -f deploy/openreports/), installed by the chart unless already there. */
  static final List<String> OPEN_REPORTS_CRDS = List.of("reports.openreports.io.yaml", "clusterreports.openreports.io.yaml");

  @Test
  void kustomizationListsEveryManifestAndOnlyExistingOnes() throws IOException {
    List<String> listed = new ArrayList<>();
    YAML.readTree(DEPLOY.resolve("kustomization.yaml").toFile()).path("resources").forEach(r -> listed.add(r.asText()));
    List<String> onDisk;
    try (Stream<Path> s = Files.walk(DEPLOY)) {
      onDisk = s.filter(p -> p.toString().endsWith(".yaml")).map(p -> DEPLOY.relativize(p).toString())
          .filter(p -> !p.startsWith("helm/") && !p.startsWith("tetragon/") && !p.startsWith("openreports/")
              && !p.equals("kustomization.yaml")).sorted().toList();
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(onDisk);
  }

  @Test
  void theChartRendersToThePlainManifests() throws IOException {
    Map<String, JsonNode> chart = byKey(renderChart(Map.of()));
    Map<String, JsonNode> plain = byKey(plainManifests());
    plain.remove("Namespace//wraith-system"); // helm install --create-namespace
    plain.keySet().removeIf(k -> k.startsWith("CustomResourceDefinition/")); // the chart's crds/ directory
    assertThat(chart.keySet()).containsExactlyElementsOf(plain.keySet());
    chart.forEach((k, v) -> assertThat(v).as(k).isEqualTo(plain.get(k)));
  }

  @Test
  void chartValuesReachTheObjects() throws IOException {
    Map<String, JsonNode> r = byKey(renderChart(Map.of("image", Map.of("repository", "registry.example.com/sec/wraith",
        "tag", "9.9.9", "pullPolicy", "Always"), "scanner", Map.of("interval", "1m", "metricsPort", 9191),
        "sensor", Map.of("port", 9999, "resources", Map.of("limits", Map.of("memory", "1Gi"))),
        "ocsf", Map.of("url", "https://hooks.example/wraith", "sink", "splunk-hec", "tokenSecret", "siem-token",
            "tokenFile", "/var/run/secrets/wraith-ocsf/token"))));
    JsonNode ds = r.get("DaemonSet/wraith-system/wraith-sensor").at("/spec/template/spec/containers/0");
    assertThat(ds.path("image").asText()).isEqualTo("registry.example.com/sec/wraith:9.9.9");
    assertThat(ds.at("/ports/0/containerPort").asInt()).isEqualTo(9999);
    assertThat(ds.at("/resources/limits/memory").asText()).isEqualTo("1Gi");
    JsonNode scanner = r.get("Deployment/wraith-system/wraith-scanner").at("/spec/template/spec/containers/0");
    assertThat(byKey(renderChart(Map.of("scanner", Map.of("replicas", 3)))).get("Deployment/wraith-system/wraith-scanner")
        .at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(scanner.path("args").toString()).contains("\"--interval\",\"1m\"").contains("\":9191\"").contains("\"9999\"");
    Map<String, String> env = new java.util.TreeMap<>();
    scanner.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    assertThat(env).containsEntry("WRAITH_OCSF_URL", "https://hooks.example/wraith").containsEntry("WRAITH_OCSF_SINK", "splunk-hec")
        .containsEntry("WRAITH_OCSF_TOKEN_FILE", "/var/run/secrets/wraith-ocsf/token").doesNotContainKey("WRAITH_OCSF_TOKEN");
    JsonNode pod = r.get("Deployment/wraith-system/wraith-scanner").at("/spec/template/spec");
    assertThat(pod.path("volumes").findValues("secret")).singleElement()
        .satisfies(s -> assertThat(s.toString()).isEqualTo("{\"secretName\":\"siem-token\",\"optional\":true}"));
    assertThat(r.get("NetworkPolicy/wraith-system/wraith-sensor").at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(9999);
  }

  @Test
  void theChartShipsTheSameCrds() throws IOException {
    for (String f : List.of("agentreports.wraith.dev.yaml", "clusteragentsummaries.wraith.dev.yaml")) {
      assertThat(Files.readString(CHART.resolve("crds").resolve(f))).as(f).isEqualTo(Files.readString(DEPLOY.resolve("crds").resolve(f)));
    }
    for (String f : OPEN_REPORTS_CRDS) {
      assertThat(Files.readString(CHART.resolve("crds").resolve(f))).as(f).isEqualTo(Files.readString(DEPLOY.resolve("openreports").resolve(f)));
    }
  }

  @Test
  void everyObjectKeepsLeastPrivilege() throws IOException {
    assertThat(DeployPolicy.violations(plainManifests())).isEmpty();
    assertThat(DeployPolicy.violations(renderChart(Map.of()))).isEmpty();
    List<JsonNode> all = plainManifests();
    assertThat(all).extracting(d -> d.path("kind").asText()).contains("DaemonSet", "Deployment", "ClusterRole", "Service",
        "NetworkPolicy", "CustomResourceDefinition");
  }

  @Test
  void thePolicyCatchesEachViolation() throws IOException {
    assertThat(violationsAfter("ClusterRole/wraith-reader", d -> ((ArrayNode) d.at("/rules/0/verbs")).add("create")))
        .singleElement().asString().contains("write verbs");
    assertThat(violationsAfter("ClusterRole/wraith-reader", d -> ((ArrayNode) d.at("/rules/0/resources")).add("secrets")))
        .singleElement().asString().contains("secrets access");
    assertThat(violationsAfter("ClusterRole/wraith-reader", d -> ((ArrayNode) d.at("/rules/0/resources")).add("pods/exec")))
        .singleElement().asString().contains("subresource pods/exec");
    assertThat(violationsAfter("ClusterRole/wraith-publisher", d -> ((ArrayNode) d.at("/rules/0/resources")).add("pods")))
        .singleElement().asString().contains("write verbs");
    assertThat(violationsAfter("ClusterRole/wraith-publisher", d -> ((ArrayNode) d.at("/rules/0/apiGroups")).set(0, "*")))
        .isNotEmpty();
    assertThat(violationsAfter("ClusterRole/wraith-publisher", d -> ((ArrayNode) d.at("/rules/2/resources")).add("policyreports")))
        .singleElement().asString().contains("write verbs");
    assertThat(violationsAfter("Role/wraith-scanner-lease", d -> ((ObjectNode) d.at("/rules/0")).remove("resourceNames")))
        .singleElement().asString().contains("Lease [get, patch] without resourceNames");
    assertThat(violationsAfter("Role/wraith-scanner-lease", d -> ((ArrayNode) d.at("/rules/1/verbs")).add("delete")))
        .singleElement().asString().contains("Lease verbs");
    assertThat(violationsAfter("Role/wraith-scanner-lease", d -> ((ObjectNode) d).put("kind", "ClusterRole")))
        .hasSize(2).allMatch(v -> v.contains("Lease writes outside a namespaced Role"));
    String sensor = "DaemonSet/wraith-sensor", c = "/spec/template/spec/containers/0";
    assertThat(violationsAfter(sensor, d -> ((ObjectNode) d.at(c + "/securityContext")).put("privileged", true)))
        .singleElement().asString().endsWith("privileged");
    assertThat(violationsAfter(sensor, d -> ((ObjectNode) d.at(c + "/volumeMounts/0")).put("readOnly", false)))
        .hasSize(2).anyMatch(v -> v.endsWith("host /proc not mounted read-only"));
    assertThat(violationsAfter(sensor, d -> ((ArrayNode) d.at(c + "/securityContext/capabilities/add")).add("SYS_ADMIN")))
        .singleElement().asString().contains("adds capabilities");
    assertThat(violationsAfter(sensor, d -> ((ObjectNode) d.at("/spec/template/spec")).put("automountServiceAccountToken", true)))
        .singleElement().asString().endsWith("mounts an API token");
    assertThat(violationsAfter(sensor, d -> ((ObjectNode) d.at(c)).remove("resources")))
        .singleElement().asString().contains("no resource requests");
    assertThat(violationsAfter("Deployment/wraith-scanner", d -> ((ObjectNode) d.at("/spec/template/spec/securityContext"))
        .put("runAsNonRoot", false))).singleElement().asString().endsWith("may run as root");
    assertThat(violationsAfter("Deployment/wraith-scanner", d -> ((ObjectNode) d.at("/spec/template/spec")).put("hostPID", true)))
        .singleElement().asString().endsWith("hostPID");
  }

  @Test
  void crdSchemasAreStructuralAndPrinterColumnsResolve() throws IOException {
    List<JsonNode> crds = new ArrayList<>(plainManifests());
    for (String f : OPEN_REPORTS_CRDS) crds.addAll(documents(Files.readString(DEPLOY.resolve("openreports").resolve(f))));
    assertThat(crds).filteredOn(d -> d.path("kind").asText().equals("CustomResourceDefinition")).hasSize(4);
    for (JsonNode crd : crds) {
      if (!crd.path("kind").asText().equals("CustomResourceDefinition")) continue;
      assertThat(crd.path("apiVersion").asText()).isEqualTo("apiextensions.k8s.io/v1");
      String name = crd.at("/metadata/name").asText();
      assertThat(name).isEqualTo(crd.at("/spec/names/plural").asText() + "." + crd.at("/spec/group").asText());
      JsonNode version = crd.at("/spec/versions/0");
      JsonNode schema = version.at("/schema/openAPIV3Schema");
      List<String> problems = new ArrayList<>();
      structural(schema, "", problems);
      assertThat(problems).as(name).isEmpty();
      for (JsonNode col : version.path("additionalPrinterColumns")) {
        String path = col.path("jsonPath").asText();
        if (path.startsWith(".metadata.")) continue;
        JsonNode at = schema;
        for (String part : path.substring(1).split("\\.")) at = at.path("properties").path(part);
        assertThat(at.isMissingNode()).as(name + " column " + path).isFalse();
      }
    }
  }

  private static void structural(JsonNode s, String at, List<String> problems) {
    if (!s.has("type")) problems.add(at + ": no type");
    if (s.path("type").asText().equals("array") && !s.has("items")) problems.add(at + ": array without items");
    s.path("properties").fields().forEachRemaining(e -> structural(e.getValue(), at + "." + e.getKey(), problems));
    if (s.has("items")) structural(s.get("items"), at + "[]", problems);
  }

  private static List<String> violationsAfter(String kindAndName, java.util.function.Consumer<ObjectNode> change) throws IOException {
    List<JsonNode> docs = plainManifests();
    for (JsonNode d : docs) {
      if ((d.path("kind").asText() + "/" + d.at("/metadata/name").asText()).equals(kindAndName)) change.accept((ObjectNode) d);
    }
    return DeployPolicy.violations(docs);
  }

  static List<JsonNode> plainManifests() throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    for (JsonNode r : YAML.readTree(DEPLOY.resolve("kustomization.yaml").toFile()).path("resources")) {
      docs.addAll(documents(Files.readString(DEPLOY.resolve(r.asText()))));
    }
    return docs;
  }

  static List<JsonNode> renderChart(Map<String, Object> overrides) throws IOException {
    ObjectNode values = (ObjectNode) YAML.readTree(CHART.resolve("values.yaml").toFile());
    YAML.readerForUpdating(values).readValue(YAML.writeValueAsString(overrides));
    var renderer = new ChartRenderer(values, YAML.readTree(CHART.resolve("Chart.yaml").toFile()), "wraith-system", "wraith");
    List<JsonNode> docs = new ArrayList<>();
    try (Stream<Path> s = Files.list(CHART.resolve("templates"))) {
      for (Path t : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        docs.addAll(documents(renderer.render(Files.readString(t))));
      }
    }
    return docs;
  }

  private static List<JsonNode> documents(String yaml) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode d = it.next();
        if (d != null && !d.isNull() && !d.isMissingNode()) out.add(d);
      }
    }
    return out;
  }

  private static Map<String, JsonNode> byKey(List<JsonNode> docs) {
    Map<String, JsonNode> m = new TreeMap<>();
    for (JsonNode d : docs) {
      String key = d.path("kind").asText() + "/" + d.at("/metadata/namespace").asText() + "/" + d.at("/metadata/name").asText();
      assertThat(m.put(key, d)).as("duplicate " + key).isNull();
    }
    return m;
  }
}
