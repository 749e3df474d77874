package dev.wraith.code.deploy;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.PathDetector;
import dev.wraith.code.SourceFile;
import dev.wraith.code.YamlNode;
import dev.wraith.code.YamlReader;
import dev.wraith.code.YamlNode.Mapping;
import dev.wraith.model.Deployment;
import dev.wraith.model.DeploymentKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code deploy/kubernetes}: workloads in Kubernetes manifests (YAML streams, JSON, {@code kind: List}) and in
 * Helm chart templates, plus the AI variable names and endpoints they and their ConfigMaps and Secrets
 * declare. Files without both {@code apiVersion} and {@code kind} are dropped before any parsing.
 */
public final class KubernetesDetector extends PathDetector {
  private static final byte[] API_VERSION = "apiVersion".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KIND = "kind".getBytes(StandardCharsets.US_ASCII);
  private static final Set<String> CONFIG_KINDS = Set.of("ConfigMap", "Secret");
  private static final int MAX_LIST_DEPTH = 4;

  private final DeployRules rules;

  public KubernetesDetector(Catalogue catalogue) {
    super("deploy/kubernetes", KubernetesDetector::reads);
    this.rules = DeployRules.of(catalogue);
  }

  /** Whether the detector reads the file at this relative path (decided on the name alone). */
  private static boolean reads(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    boolean ext = name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    return ext && !ComposeDetector.isComposeName(name) && !KustomizationDetector.isKustomizationName(name)
        && !name.equals("chart.yaml") && !HelmValuesDetector.isValuesName(name) && !name.equals("package.json")
        && !name.endsWith("lock.json") && !name.endsWith("lock.yaml") && !name.startsWith("tsconfig");
  }

  @Override
  public Detection detect(SourceFile file) {
    if (!contains(file.bytes(), API_VERSION) || !contains(file.bytes(), KIND)) return Detection.EMPTY;
    boolean helm = HelmTemplate.isTemplatePath(file.path()) && file.bytes().length <= HelmTemplate.MAX_TEMPLATE_CHARS
        && file.text().contains("{{");
    String text = helm ? HelmTemplate.strip(file.text()) : file.text();
    YamlReader.Result read = file.path().toLowerCase(Locale.ROOT).endsWith(".json") ? YamlReader.json(text) : YamlReader.yaml(text);
    AiDeclarations ai = rules.declarations(file.path());
    List<Deployment> deployments = new ArrayList<>();
    DeploymentKind as = helm ? DeploymentKind.HELM : DeploymentKind.KUBERNETES;
    for (YamlNode doc : read.documents()) {
      if (doc instanceof Mapping m) object(m, as, file.path(), ai, deployments, 0);
    }
    return new Detection(ai.findings(), deployments, List.of(), read.warnings(file.path()));
  }

  private void object(Mapping obj, DeploymentKind as, String path, AiDeclarations ai, List<Deployment> out, int depth) {
    if (obj.text("apiVersion").isEmpty()) return;
    String kind = obj.text("kind");
    if (kind.endsWith("List") && depth < MAX_LIST_DEPTH) {
      for (YamlNode item : obj.items("items")) if (item instanceof Mapping m) object(m, as, path, ai, out, depth + 1);
    } else if (CONFIG_KINDS.contains(kind)) {
      configData(obj, ai);
    } else {
      KubernetesWorkload.read(obj, as, path, fallbackName(as, path), ai, rules.redactor()).ifPresent(out::add);
    }
  }

  /** ConfigMap and Secret keys named like AI variables are declarations; their values are only matched. */
  private static void configData(Mapping obj, AiDeclarations ai) {
    for (String section : List.of("data", "stringData")) {
      obj.mapping(section).ifPresent(data -> {
        for (YamlNode.Entry e : data.entries()) {
          ai.envName(e.key(), e.line());
          if (!section.equals("data") || !obj.text("kind").equals("Secret")) ai.value(YamlNode.scalar(e.value()), e.value().line());
        }
      });
    }
  }

  /** A templated or missing name: the chart and template for Helm, the file name otherwise. */
  private static String fallbackName(DeploymentKind as, String path) {
    String file = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.(ya?ml|json)$", "");
    if (as != DeploymentKind.HELM) return file;
    String chart = HelmTemplate.chartDir(path);
    return chart.equals(".") ? file : chart.substring(chart.lastIndexOf('/') + 1) + "/" + file;
  }

  static boolean contains(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) if (data[i + j] != needle[j]) continue outer;
      return true;
    }
    return false;
  }
}
