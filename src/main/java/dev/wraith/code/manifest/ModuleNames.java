package dev.wraith.code.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wraith.code.SourceFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module a manifest declares, which names the deployable its directory holds: pyproject {@code project.name} (or
 * Poetry's), package.json and composer.json {@code name}, Maven {@code artifactId}, Go {@code module} (its last
 * segment, without a major-version suffix), Cargo {@code package.name}, a .csproj/.fsproj/.vbproj or .gemspec file's
 * own name, a Gradle build's directory. Lock files and requirements files declare none. "" when there is none or the
 * file does not parse: the name is a label, never a reason to warn twice about a file the detector already reported.
 *
 * <p>{@link #declared} also gives the package the manifest publishes, in the form the catalogue lists packages: the
 * same name, except a Go module's whole path, an MSBuild project's {@code PackageId} or {@code AssemblyName} when it
 * writes one, and a Maven project's group beside its artifact (a POM's own or its
 * parent's {@code groupId}; a Gradle build's literal {@code group = "..."}, the least indented one, since task groups
 * sit deeper).
 */
final class ModuleNames {
  private static final Pattern GO_MODULE = Pattern.compile("(?m)^\\s*module\\s+\"?([^\\s\"/]+(?:/[^\\s\"/]+)*)\"?\\s*$");
  private static final Pattern MAJOR = Pattern.compile("/v\\d+$");
  private static final Pattern GRADLE_GROUP = Pattern.compile("(?m)^([ \\t]*)group\\s*=?\\s*[\"']([^\"'$\\s]+)[\"']\\s*;?\\s*$");
  private static final int MAX_NAME = 200;

  private ModuleNames() {}

  /**
   * What a manifest declares of itself, each part "" when absent.
   *
   * @param module the name that labels its deployable
   * @param group a Maven project's groupId ("" in other ecosystems, and when a Gradle build leaves it to another file)
   * @param pkg the package it publishes, as its ecosystem's catalogue entries spell packages (without a Maven group)
   */
  record Declared(String module, String group, String pkg) {
    static final Declared NONE = new Declared("", "", "");

    static Declared named(String name) {
      return new Declared(name, "", name);
    }
  }

  static String of(SourceFile file) {
    return declared(file).module();
  }

  static Declared declared(SourceFile file) {
    Declared d;
    try {
      d = parse(file);
    } catch (MalformedManifestException | RuntimeException e) {
      return Declared.NONE;
    }
    return new Declared(bounded(d.module()), bounded(d.group()), bounded(d.pkg()));
  }

  private static String bounded(String name) {
    return name.length() > MAX_NAME || name.isBlank() ? "" : name.strip();
  }

  private static Declared parse(SourceFile file) throws MalformedManifestException {
    String n = file.name();
    String lower = n.toLowerCase(java.util.Locale.ROOT);
    if (n.equals("pyproject.toml")) {
      JsonNode root = TomlDocument.parse(ManifestDetector.text(file)).root();
      String pep621 = root.path("project").path("name").asText("");
      return Declared.named(pep621.isEmpty() ? root.path("tool").path("poetry").path("name").asText("") : pep621);
    }
    if (n.equals("package.json") || n.equals("composer.json")) {
      return Declared.named(Documents.text(Documents.json(ManifestDetector.text(file)), "name", ""));
    }
    if (n.equals("Cargo.toml")) {
      return Declared.named(TomlDocument.parse(ManifestDetector.text(file)).root().path("package").path("name").asText(""));
    }
    if (n.equals("pom.xml")) {
      PomXml.Coordinates c = PomXml.coordinates(ManifestDetector.text(file));
      return new Declared(c.artifactId(), c.groupId(), c.artifactId());
    }
    if (n.equals("go.mod")) return goModule(ManifestDetector.text(file));
    if (n.equals("build.gradle") || n.equals("build.gradle.kts")) {
      String dir = directoryName(file.path());
      return new Declared(dir, gradleGroup(ManifestDetector.text(file)), dir);
    }
    if (lower.endsWith(".csproj") || lower.endsWith(".fsproj") || lower.endsWith(".vbproj")) {
      String stem = n.substring(0, n.lastIndexOf('.'));
      String id = MsBuildXml.published(ManifestDetector.text(file));
      return new Declared(stem, "", id.isEmpty() ? stem : id);
    }
    if (lower.endsWith(".gemspec")) return Declared.named(n.substring(0, n.lastIndexOf('.')));
    return Declared.NONE;
  }

  private static Declared goModule(String text) {
    Matcher m = GO_MODULE.matcher(text);
    if (!m.find()) return Declared.NONE;
    String module = MAJOR.matcher(m.group(1)).replaceFirst("");
    return new Declared(module.substring(module.lastIndexOf('/') + 1), "", m.group(1));
  }

  /** The least indented literal {@code group = "..."} of a Gradle build, or "" (none, or computed from elsewhere). */
  private static String gradleGroup(String text) {
    Matcher m = GRADLE_GROUP.matcher(text);
    String group = "";
    int indent = Integer.MAX_VALUE;
    while (m.find()) {
      if (m.group(1).length() < indent) {
        indent = m.group(1).length();
        group = m.group(2);
      }
    }
    return group;
  }

  private static String directoryName(String path) {
    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    return dir.substring(dir.lastIndexOf('/') + 1);
  }
}
