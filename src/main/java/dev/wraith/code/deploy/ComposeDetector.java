package dev.wraith.code.deploy;

import dev.wraith.code.YamlNode;
import dev.wraith.code.YamlReader;
import java.util.Optional;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.redact.Redactor;
import dev.wraith.code.Detection;
import dev.wraith.code.PathDetector;
import dev.wraith.code.SourceFile;
import dev.wraith.code.YamlNode.Mapping;
import dev.wraith.model.Deployment;
import dev.wraith.model.DeploymentKind;
import dev.wraith.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code deploy/compose}: one deployment per Docker Compose service: its image or build context
 * (repo-relative), entrypoint and command (masked), environment variable names from the list or map form,
 * and env files. Values are matched for AI endpoints and dropped; the namespace is the project name if set.
 */
public final class ComposeDetector extends PathDetector {
  private final DeployRules rules;

  public ComposeDetector(Catalogue catalogue) {
    super("deploy/compose", path -> isComposeName(path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)));
    this.rules = DeployRules.of(catalogue);
  }

  static boolean isComposeName(String lowerName) {
    boolean yaml = lowerName.endsWith(".yml") || lowerName.endsWith(".yaml");
    return yaml && (lowerName.startsWith("docker-compose") || lowerName.startsWith("compose"));
  }

  @Override
  public Detection detect(SourceFile file) {
    YamlReader.Result read = YamlReader.yaml(file.text());
    AiDeclarations ai = rules.declarations(file.path());
    List<Deployment> out = new ArrayList<>();
    read.first().ifPresent(doc -> doc.mapping("services").ifPresent(services -> {
      for (YamlNode.Entry s : services.entries()) {
        if (s.value() instanceof Mapping svc) out.add(service(s, svc, doc.text("name"), file.path(), ai, rules.redactor()));
      }
    }));
    return new Detection(ai.findings(), out, List.of(), read.warnings(file.path()));
  }

  private static Deployment service(YamlNode.Entry entry, Mapping svc, String project, String path, AiDeclarations ai,
      Redactor redactor) {
    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    TreeMap<String, String> attrs = new TreeMap<>();
    build(svc, dir, redactor).ifPresent(b -> attrs.put("build", b));
    List<String> argv = new ArrayList<>();
    for (String key : List.of("entrypoint", "command")) {
      svc.get(key).ifPresent(v -> {
        for (String a : argv(v)) {
          ai.value(a, v.line());
          argv.add(a);
        }
      });
    }
    List<String> masked = redactor.argv(argv);
    Set<String> env = environment(svc, ai);
    Set<String> files = new LinkedHashSet<>();
    svc.get("env_file").ifPresent(v -> {
      for (String f : YamlNode.texts(v)) files.add("file:" + f);
      for (YamlNode i : YamlNode.items(v)) if (i instanceof Mapping m && !m.text("path").isEmpty()) files.add("file:" + m.text("path"));
    });
    List<String> images = svc.text("image").isEmpty() ? List.of() : List.of(svc.text("image"));
    String providers = ai.imageProviders(images);
    if (!providers.isEmpty()) attrs.put("imageProviders", providers);
    return new Deployment(DeploymentKind.COMPOSE, new Location(path, entry.line(), 0), entry.key(), "compose-service", project,
        images, masked.isEmpty() ? List.of() : List.of(String.join(" ", masked)), List.copyOf(env), CommandScripts.of(masked),
        List.copyOf(files), attrs);
  }

  /** Variable names from {@code environment} in map or {@code NAME=value} list form; values only matched. */
  private static Set<String> environment(Mapping svc, AiDeclarations ai) {
    Set<String> names = new LinkedHashSet<>();
    YamlNode env = svc.get("environment").orElse(null);
    if (env instanceof Mapping m) {
      for (YamlNode.Entry e : m.entries()) {
        names.add(e.key());
        ai.envName(e.key(), e.line());
        ai.value(YamlNode.scalar(e.value()), e.value().line());
      }
    }
    for (YamlNode i : YamlNode.items(env)) {
      String item = YamlNode.scalar(i);
      int eq = item.indexOf('=');
      String name = eq < 0 ? item : item.substring(0, eq);
      if (name.isBlank()) continue;
      names.add(name);
      ai.envName(name, i.line());
      if (eq >= 0) ai.value(item.substring(eq + 1), i.line());
    }
    return names;
  }

  /** The build context relative to the repository, with a non-default Dockerfile after a colon. */
  private static java.util.Optional<String> build(Mapping svc, String dir, Redactor redactor) {
    YamlNode b = svc.get("build").orElse(null);
    String context = b instanceof YamlNode.Scalar s ? s.text() : b instanceof Mapping m ? m.text("context") : null;
    if (context == null) return java.util.Optional.empty();
    String dockerfile = b instanceof Mapping m ? m.text("dockerfile") : "";
    String rel = relative(dir, context.isEmpty() ? "." : context, redactor);
    return java.util.Optional.of(dockerfile.isEmpty() ? rel : rel + ":" + dockerfile);
  }

  private static String relative(String dir, String context, Redactor redactor) {
    if (context.contains("://") || context.startsWith("git@")) return redactor.url(context); // remote: no tokens
    try {
      String r = java.nio.file.Path.of(dir.isEmpty() ? "." : dir).resolve(context).normalize().toString().replace('\\', '/');
      return r.isEmpty() ? "." : r;
    } catch (java.nio.file.InvalidPathException e) {
      return context;
    }
  }

  /** A command in list form as is; in string form split on whitespace (compose does shell-like splitting). */
  private static List<String> argv(YamlNode v) {
    if (v instanceof YamlNode.Scalar s) return s.text().isBlank() ? List.of() : List.of(s.text().trim().split("\\s+"));
    return YamlNode.texts(v);
  }
}
