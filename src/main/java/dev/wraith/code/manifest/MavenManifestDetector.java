package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.SourceFile;
import java.util.List;

/**
 * {@code manifest/maven}: AI artifacts ({@code groupId:artifactId}, exact) in pom.xml, Gradle build scripts
 * ({@code build.gradle}, {@code build.gradle.kts}) and Gradle version catalogs ({@code *.versions.toml}).
 */
public final class MavenManifestDetector extends ManifestDetector {
  public MavenManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.MAVEN);
  }

  @Override
  public String id() {
    return "manifest/maven";
  }

  @Override
  public boolean accepts(String path) {
    String name = fileName(path);
    return name.equals("pom.xml") || name.equals("build.gradle") || name.equals("build.gradle.kts")
        || name.endsWith(".versions.toml");
  }

  @Override
  List<Dependency> parse(SourceFile file) throws MalformedManifestException {
    String name = file.name();
    if (name.equals("pom.xml")) return PomXml.parse(text(file));
    if (name.endsWith(".versions.toml")) return GradleBuild.catalog(text(file));
    return GradleBuild.script(text(file));
  }
}
