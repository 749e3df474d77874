package dev.wraith.code.manifest;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import java.util.List;

/**
 * {@code manifest/maven}: AI artifacts ({@code groupId:artifactId}, exact) in pom.xml, Gradle build scripts
 * ({@code build.gradle}, {@code build.gradle.kts}) and Gradle version catalogs ({@code *.versions.toml}).
 */
public final class MavenManifestDetector extends ManifestDetector {
  public MavenManifestDetector(Catalogue catalogue) {
    super(catalogue, Ecosystem.MAVEN, "manifest/maven", List.of(
        ManifestFormat.named(PomXml::parse, "pom.xml"),
        ManifestFormat.ending(GradleBuild::catalog, false, ".versions.toml"),
        ManifestFormat.named(GradleBuild::script, "build.gradle", "build.gradle.kts")));
  }
}
