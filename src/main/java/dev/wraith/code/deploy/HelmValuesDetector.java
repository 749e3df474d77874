package dev.wraith.code.deploy;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.redact.Redactor;
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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code deploy/helm-values}: the images a Helm chart's {@code values.yaml} configures, one deployment per
 * {@code image} block ({@code repository}/{@code tag}/{@code registry}/{@code digest} or a plain reference),
 * named chart or chart/component after the keys above it; plus AI variable names and endpoints anywhere in
 * the values. The chart is the directory of the file: detectors see one file, so Chart.yaml is not read.
 */
public final class HelmValuesDetector extends PathDetector {
  private static final int MAX_DEPTH = 8;
  private static final int MAX_NODES = 100_000;

  private final DeployRules rules;

  public HelmValuesDetector(Catalogue catalogue) {
    super("deploy/helm-values", path -> isValuesName(path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)));
    this.rules = DeployRules.of(catalogue);
  }

  static boolean isValuesName(String lowerName) {
    return lowerName.equals("values.yaml") || lowerName.equals("values.yml");
  }

  @Override
  public Detection detect(SourceFile file) {
    YamlReader.Result read = YamlReader.yaml(file.text());
    AiDeclarations ai = rules.declarations(file.path());
    List<Deployment> out = new ArrayList<>();
    String chart = chartName(file.path());
    for (YamlNode doc : read.documents()) {
      declarations(doc, ai, Collections.newSetFromMap(new IdentityHashMap<>()));
      if (doc instanceof Mapping m) images(m, "", chart, file.path(), out, 0, rules.redactor());
    }
    for (int i = 0; i < out.size(); i++) {
      String providers = ai.imageProviders(out.get(i).images());
      if (!providers.isEmpty()) out.set(i, withAttribute(out.get(i), "imageProviders", providers));
    }
    List<String> warnings = read.warnings(file.path());
    return new Detection(ai.findings(), out, List.of(), warnings);
  }

  private static void images(Mapping m, String component, String chart, String path, List<Deployment> out, int depth,
      Redactor redactor) {
    if (depth > MAX_DEPTH) return;
    for (YamlNode.Entry e : m.entries()) {
      if (e.key().equals("image")) {
        String ref = imageRef(e.value());
        if (!ref.isEmpty()) out.add(deployment(m, component, chart, ref, new Location(path, e.line(), 0), redactor));
      } else if (e.value() instanceof Mapping child) {
        images(child, component.isEmpty() ? e.key() : component + "." + e.key(), chart, path, out, depth + 1, redactor);
      }
    }
  }

  private static Deployment deployment(Mapping m, String component, String chart, String ref, Location at,
      Redactor redactor) {
    Set<String> env = new LinkedHashSet<>();
    for (String key : List.of("env", "extraEnv", "extraEnvVars")) {
      m.get(key).ifPresent(v -> {
        for (YamlNode i : YamlNode.items(v)) if (i instanceof Mapping e && !e.text("name").isEmpty()) env.add(e.text("name"));
        if (v instanceof Mapping map) map.entries().forEach(x -> env.add(x.key()));
      });
    }
    List<String> argv = new ArrayList<>();
    for (String key : List.of("command", "args")) m.get(key).ifPresent(v -> argv.addAll(YamlNode.texts(v)));
    List<String> masked = redactor.argv(argv);
    String name = component.isEmpty() ? chart : chart + "/" + component;
    return new Deployment(DeploymentKind.HELM, at, name, "chart-values", "", List.of(ref),
        masked.isEmpty() ? List.of() : List.of(String.join(" ", masked)), List.copyOf(env), CommandScripts.of(masked),
        List.of(), new TreeMap<>());
  }

  private static Deployment withAttribute(Deployment d, String key, String value) {
    TreeMap<String, String> attrs = new TreeMap<>(d.attributes());
    attrs.put(key, value);
    return new Deployment(d.kind(), d.location(), d.name(), d.workloadKind(), d.namespace(), d.images(), d.commands(),
        d.envVars(), d.scripts(), d.envSources(), attrs);
  }

  /** {@code [registry/]repository[:tag][@digest]}, or a plain reference; "" when the block names no repository. */
  static String imageRef(YamlNode image) {
    if (image instanceof YamlNode.Scalar s) return s.text().matches("[\\w.\\-/:@]+") && (s.text().contains("/") || s.text().contains(":")) ? s.text() : "";
    if (!(image instanceof Mapping m) || m.text("repository").isEmpty()) return "";
    String registry = m.text("registry");
    String ref = (registry.isEmpty() ? "" : registry + "/") + m.text("repository");
    if (!m.text("tag").isEmpty()) ref += ":" + m.text("tag");
    if (!m.text("digest").isEmpty()) ref += "@" + m.text("digest");
    return ref;
  }

  /** Every key or {@code name:} that is an AI variable, every scalar that is an AI endpoint; shared nodes once. */
  private static void declarations(YamlNode n, AiDeclarations ai, Set<YamlNode> seen) {
    if (seen.size() > MAX_NODES || !seen.add(n)) return;
    if (n instanceof YamlNode.Scalar s) ai.value(s.text(), s.line());
    if (n instanceof YamlNode.Sequence q) q.items().forEach(i -> declarations(i, ai, seen));
    if (n instanceof Mapping m) {
      for (YamlNode.Entry e : m.entries()) {
        ai.envName(e.key(), e.line());
        if (e.key().equals("name")) ai.envName(YamlNode.scalar(e.value()), e.line());
        declarations(e.value(), ai, seen);
      }
    }
  }

  private static String chartName(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) return ".";
    String dir = path.substring(0, slash);
    return dir.substring(dir.lastIndexOf('/') + 1);
  }
}
