package dev.wraith.code.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Ecosystem;
import dev.wraith.code.Detection;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The package a manifest publishes, in the form the catalogue lists packages, beside the module name it declares. */
class PublishedPackageTest {
  private static Detection detect(ManifestDetector detector, String path, String text) {
    return detector.detect(new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Detection.Published> published(ManifestDetector detector, String path, String text) {
    return detect(detector, path, text).published();
  }

  @Test
  void aPomPublishesItsCoordinatesWithTheParentsGroupWhenItHasNone() {
    MavenManifestDetector maven = new MavenManifestDetector(FixtureHarness.catalogue());
    String inherits = "<project><parent><groupId>com.openai</groupId><artifactId>parent</artifactId></parent>"
        + "<artifactId>openai-java</artifactId></project>";
    assertThat(published(maven, "sdk/pom.xml", inherits))
        .containsExactly(new Detection.Published("sdk/pom.xml", Ecosystem.MAVEN, "com.openai", "openai-java"));
    String own = "<project><parent><groupId>com.openai</groupId></parent><artifactId>x</artifactId>"
        + "<groupId>com.acme</groupId><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId>"
        + "</dependency></dependencies></project>";
    assertThat(published(maven, "pom.xml", own)).extracting(Detection.Published::group, Detection.Published::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("com.acme", "x"));
    // the module name that labels the deployable is still the artifactId alone
    assertThat(detect(maven, "sdk/pom.xml", inherits).modules()).extracting(Detection.ModuleName::name)
        .containsExactly("openai-java");
  }

  @Test
  void aGradleBuildPublishesItsDirectoryWithItsLeastIndentedLiteralGroup() {
    MavenManifestDetector maven = new MavenManifestDetector(FixtureHarness.catalogue());
    String root = "plugins { kotlin(\"jvm\") }\ntasks.register(\"p\") {\n    group = \"publishing\"\n}\ngroup = \"ai.koog\"\n";
    assertThat(published(maven, "build.gradle.kts", root))
        .containsExactly(new Detection.Published("build.gradle.kts", Ecosystem.MAVEN, "ai.koog", ""));
    assertThat(published(maven, "clients/openai/build.gradle", "group 'com.acme'\n"))
        .containsExactly(new Detection.Published("clients/openai/build.gradle", Ecosystem.MAVEN, "com.acme", "openai"));
    // a group computed from elsewhere is left to the enclosing build
    assertThat(published(maven, "m/build.gradle.kts", "group = rootProject.group\n"))
        .containsExactly(new Detection.Published("m/build.gradle.kts", Ecosystem.MAVEN, "", "m"));
  }

  @Test
  void aGoModulePublishesItsWholePathWhileItsNameIsTheLastSegment() {
    GoManifestDetector go = new GoManifestDetector(FixtureHarness.catalogue());
    Detection d = detect(go, "go.mod", "module github.com/openai/openai-go/v3\n\ngo 1.22\n");
    assertThat(d.published()).extracting(Detection.Published::name).containsExactly("github.com/openai/openai-go/v3");
    assertThat(d.modules()).extracting(Detection.ModuleName::name).containsExactly("openai-go");
  }

  @Test
  void otherEcosystemsPublishTheirDeclaredNameAndFilesWithoutOneNothing() {
    PypiManifestDetector pypi = new PypiManifestDetector(FixtureHarness.catalogue());
    assertThat(published(pypi, "pyproject.toml", "[project]\nname = \"OpenAI\"\n"))
        .containsExactly(new Detection.Published("pyproject.toml", Ecosystem.PYPI, "", "OpenAI"));
    assertThat(published(pypi, "requirements.txt", "openai==1.0\n")).isEmpty();
    assertThat(published(pypi, "pyproject.toml", "[project\nname = ")).isEmpty(); // malformed: a warning elsewhere, no package
  }
}
