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
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import dev.wraith.redact.Redactor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code deploy/kustomize}: one deployment per kustomization, named after its directory: the image overrides
 * it applies ({@code newName}/{@code newTag}/{@code digest}), its namespace, name prefix and suffix, the
 * resources and components it pulls in (repo-relative) and the ConfigMaps and Secrets it generates (names
 * only; generator literals are never read). Applying these to the workloads is the correlation step's job.
 */
public final class KustomizationDetector extends PathDetector {
  private static final Pattern GIT_REF = Pattern.compile("[?&]ref=([\\w./-]{1,200})(?:&|$)");
  private final Redactor redactor;

  public KustomizationDetector(dev.wraith.catalogue.Catalogue catalogue) {
    super("deploy/kustomize", path -> isKustomizationName(path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)));
    this.redactor = Redactor.of(catalogue);
  }

  static boolean isKustomizationName(String lowerName) {
    return lowerName.equals("kustomization.yaml") || lowerName.equals("kustomization.yml") || lowerName.equals("kustomization");
  }

  @Override
  public Detection detect(SourceFile file) {
    YamlReader.Result read = YamlReader.yaml(file.text());
    List<Deployment> out = read.first().map(k -> List.of(deployment(k, file.path(), redactor))).orElse(List.of());
    return new Detection(List.of(), out, List.of(), read.warnings(file.path()));
  }

  private static Deployment deployment(Mapping k, String path, Redactor redactor) {
    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    String name = dir.isEmpty() ? "." : dir.substring(dir.lastIndexOf('/') + 1);
    Set<String> images = new LinkedHashSet<>();
    for (YamlNode i : k.items("images")) if (i instanceof Mapping m) images.add(image(m));
    Set<String> resources = new LinkedHashSet<>();
    for (String key : List.of("resources", "components", "bases")) {
      for (String r : YamlNode.texts(k.get(key).orElse(new YamlNode.Sequence(List.of(), 0)))) resources.add(resolve(dir, r, redactor));
    }
    Set<String> sources = new LinkedHashSet<>();
    for (YamlNode g : k.items("configMapGenerator")) if (g instanceof Mapping m) sources.add("configmap:" + m.text("name"));
    for (YamlNode g : k.items("secretGenerator")) if (g instanceof Mapping m) sources.add("secret:" + m.text("name"));
    TreeMap<String, String> attrs = new TreeMap<>();
    for (String key : List.of("namePrefix", "nameSuffix")) if (!k.text(key).isEmpty()) attrs.put(key, k.text(key));
    return new Deployment(DeploymentKind.KUSTOMIZE, new Location(path, k.line(), 0), name, "kustomization",
        k.text("namespace"), List.copyOf(images), List.of(), List.of(), List.copyOf(resources), List.copyOf(sources), attrs);
  }

  /** {@code name=newName[:newTag][@digest]}: the override with the image it replaces, so both sides can be joined. */
  private static String image(Mapping m) {
    String target = m.text("newName").isEmpty() ? m.text("name") : m.text("newName");
    if (!m.text("newTag").isEmpty()) target += ":" + m.text("newTag");
    if (!m.text("digest").isEmpty()) target += "@" + m.text("digest");
    return m.text("name").equals(target) ? target : m.text("name") + "=" + target;
  }

  /**
   * A remote resource through the redactor, without its query except a plain {@code ?ref=} (the git ref is identity,
   * kept for correlation; reports show it as any query value, {@code ***}).
   */
  private static String remote(String ref, Redactor redactor) {
    Matcher m = GIT_REF.matcher(ref);
    String masked = redactor.url(ref);
    int query = masked.indexOf('?');
    String base = query < 0 ? masked : masked.substring(0, query);
    return m.find() ? base + "?ref=" + m.group(1) : base;
  }

  /** A local resource relative to the repository root; remote ones (URLs, git refs) as written. */
  private static String resolve(String dir, String ref, Redactor redactor) {
    if (ref.contains("://") || ref.startsWith("github.com/") || ref.contains("?ref=")) return remote(ref, redactor);
    try {
      String joined = Path.of(dir.isEmpty() ? "." : dir).resolve(ref).normalize().toString().replace('\\', '/');
      return joined.isEmpty() ? "." : joined;
    } catch (java.nio.file.InvalidPathException e) {
      return ref;
    }
  }
}
