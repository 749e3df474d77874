package dev.wraith.code.deploy;

import dev.wraith.code.Detection;
import dev.wraith.code.PathDetector;
import dev.wraith.code.SourceFile;
import dev.wraith.code.YamlNode;
import dev.wraith.code.YamlReader;
import dev.wraith.code.YamlNode.Mapping;
import dev.wraith.model.Deployment;
import dev.wraith.model.DeploymentKind;
import dev.wraith.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code deploy/helm-chart}: the chart a {@code Chart.yaml} declares, as a deployment named after the chart
 * with its version and appVersion. Running pods carry these in the {@code helm.sh/chart} label
 * ({@code NAME-VERSION}), which is the join key; the workloads come from the templates and values.
 */
public final class HelmChartDetector extends PathDetector {
  public HelmChartDetector() {
    super("deploy/helm-chart", path -> path.equals("Chart.yaml") || path.endsWith("/Chart.yaml"));
  }

  @Override
  public Detection detect(SourceFile file) {
    YamlReader.Result read = YamlReader.yaml(file.text());
    List<String> warnings = read.warnings(file.path());
    Optional<Mapping> named = read.first().filter(c -> !c.text("name").isEmpty());
    if (named.isEmpty()) return new Detection(List.of(), List.of(), List.of(), warnings);
    Mapping chart = named.get();
    TreeMap<String, String> attrs = new TreeMap<>();
    for (String key : List.of("version", "appVersion", "type")) if (!chart.text(key).isEmpty()) attrs.put(key, chart.text(key));
    if (!chart.text("version").isEmpty()) attrs.put("helmChartLabel", chart.text("name") + "-" + chart.text("version"));
    List<String> deps = new ArrayList<>();
    for (YamlNode d : chart.items("dependencies")) if (d instanceof Mapping m && !m.text("name").isEmpty()) deps.add(m.text("name"));
    if (!deps.isEmpty()) attrs.put("dependencies", String.join(",", deps));
    Deployment d = new Deployment(DeploymentKind.HELM, new Location(file.path(), chart.line(), 0), chart.text("name"), "chart", "",
        List.of(), List.of(), List.of(), List.of(), List.of(), attrs);
    return new Detection(List.of(), List.of(d), List.of(), warnings);
  }
}
