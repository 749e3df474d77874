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
 */
final class ModuleNames {
  private static final Pattern GO_MODULE = Pattern.compile("(?m)^\\s*module\\s+\"?([^\\s\"/]+(?:/[^\\s\"/]+)*)\"?\\s*$");
  private static final Pattern MAJOR = Pattern.compile("/v\\d+$");
  private static final int MAX_NAME = 200;

  private ModuleNames() {}

  static String of(SourceFile file) {
    String name;
    try {
      name = parse(file);
    } catch (MalformedManifestException | RuntimeException e) {
      return "";
    }
    return name.length() > MAX_NAME || name.isBlank() ? "" : name.strip();
  }

  private static String parse(SourceFile file) throws MalformedManifestException {
    String n = file.name();
    String lower = n.toLowerCase(java.util.Locale.ROOT);
    if (n.equals("pyproject.toml")) {
      JsonNode root = TomlDocument.parse(ManifestDetector.text(file)).root();
      String pep621 = root.path("project").path("name").asText("");
      return pep621.isEmpty() ? root.path("tool").path("poetry").path("name").asText("") : pep621;
    }
    if (n.equals("package.json") || n.equals("composer.json")) {
      return LocatedTree.json(ManifestDetector.text(file)).root().path("name").asText("");
    }
    if (n.equals("Cargo.toml")) return TomlDocument.parse(ManifestDetector.text(file)).root().path("package").path("name").asText("");
    if (n.equals("pom.xml")) return PomXml.artifactId(ManifestDetector.text(file));
    if (n.equals("go.mod")) return goModule(ManifestDetector.text(file));
    if (n.equals("build.gradle") || n.equals("build.gradle.kts")) return directoryName(file.path());
    if (lower.endsWith(".csproj") || lower.endsWith(".fsproj") || lower.endsWith(".vbproj") || lower.endsWith(".gemspec")) {
      return n.substring(0, n.lastIndexOf('.'));
    }
    return "";
  }

  private static String goModule(String text) {
    Matcher m = GO_MODULE.matcher(text);
    if (!m.find()) return "";
    String module = MAJOR.matcher(m.group(1)).replaceFirst("");
    return module.substring(module.lastIndexOf('/') + 1);
  }

  private static String directoryName(String path) {
    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    return dir.substring(dir.lastIndexOf('/') + 1);
  }
}
