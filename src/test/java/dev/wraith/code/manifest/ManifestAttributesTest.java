package dev.wraith.code.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.FileDetector;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import dev.wraith.model.Confidence;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import dev.wraith.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Versions, scopes and direct flags as each format states them; the fixtures check subjects and lines. */
class ManifestAttributesTest {
  private static final Catalogue CATALOGUE = FixtureHarness.catalogue();
  private static final FileDetector PYPI = new PypiManifestDetector(CATALOGUE);
  private static final FileDetector NPM = new NpmManifestDetector(CATALOGUE);
  private static final FileDetector MAVEN = new MavenManifestDetector(CATALOGUE);
  private static final FileDetector GO = new GoManifestDetector(CATALOGUE);

  @Test
  void findingCarriesSignatureProviderFrameworkAndRuleSeverity() {
    Finding f = only(PYPI, "requirements.txt", "langchain-openai==0.2.1\n");
    assertThat(f.kind()).isEqualTo(FindingKind.DEPENDENCY);
    assertThat(f.subject()).isEqualTo("langchain");
    assertThat(f.framework()).isEqualTo("langchain");
    assertThat(f.evidence()).isEqualTo("langchain-openai");
    assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(f.severity()).isEqualTo(Severity.NOTE);
    Finding sdk = only(PYPI, "requirements.txt", "openai\n");
    assertThat(sdk.provider()).isEqualTo("openai");
    assertThat(sdk.framework()).isEmpty();
    assertThat(sdk.attributes()).isEmpty();
  }

  @Test
  void requirementsKeepTheConstraintAsWrittenAndTakeScopeFromTheFileName() {
    String text = "openai[datalib] >= 1.0, < 2.0 ; python_version >= \"3.9\" \\\n    --hash=sha256:abc  # pinned\n";
    Finding f = only(PYPI, "requirements/dev.txt", text);
    assertThat(f.attributes()).isEqualTo(Map.of("version", ">=1.0,<2.0", "scope", "dev"));
    assertThat(f.location().line()).isEqualTo(1);
    assertThat(only(PYPI, "dev-requirements.in", "Open_AI==1\nopenai==1.2\n").location().line()).isEqualTo(2);
    assertThat(PYPI.accepts("docs/MANIFEST.in")).isFalse();
    assertThat(PYPI.accepts("config.h.in")).isFalse();
    assertThat(PYPI.accepts("requirements/prod.txt")).isTrue();
  }

  @Test
  void pyprojectOptionalDependenciesRepeatingOneSpecGetTheirOwnLines() {
    String toml = """
        [project]
        name = "x"
        dynamic = ["optional-dependencies"]

        [tool.hatch.metadata.hooks.uv-dynamic-versioning.optional-dependencies]
        openai = ["openai>=1.0"]
        openrouter = ["openai>=1.0"]
        """;
    assertThat(findings(PYPI, "pyproject.toml", toml)).extracting(f -> f.location().line() + " " + f.attributes().get("scope"))
        .containsExactly("6 openai", "7 openrouter");
  }

  @Test
  void pep503NormalisationButNoPrefixes() {
    assertThat(findings(PYPI, "requirements.txt", "Pydantic.AI__Slim==0.1\n")).hasSize(1);
    assertThat(findings(PYPI, "requirements.txt", "openai-whisper\nlangchain-text-splitters-foo\nopenaii\n")).isEmpty();
  }

  @Test
  void packageLockV2TellsDirectFromNestedAndResolvesAliases() {
    String lock = """
        {"lockfileVersion": 2, "packages": {
          "": {"dependencies": {"gpt": "npm:openai@^4"}},
          "node_modules/gpt": {"name": "openai", "version": "4.1.0"},
          "node_modules/x/node_modules/openai": {"version": "3.0.0", "optional": true},
          "node_modules/@langchain/core": {"version": "0.3.0", "dev": true}
        },
        "dependencies": {"openai": {"version": "4.1.0"}}}
        """;
    List<Finding> fs = findings(NPM, "package-lock.json", lock);
    assertThat(fs).extracting(Finding::attributes).containsExactlyInAnyOrder(
        Map.of("version", "4.1.0", "direct", "true"),
        Map.of("version", "3.0.0", "direct", "false", "scope", "optional"),
        Map.of("version", "0.3.0", "direct", "false", "scope", "dev"));
    assertThat(fs).extracting(Finding::evidence).contains("openai", "@langchain/core");
  }

  @Test
  void pnpmLockWithAPackageManagerDocumentFirst() {
    String lock = """
        ---
        lockfileVersion: '9.0'
        importers:
          .:
            packageManagerDependencies:
              pnpm: {specifier: 9.15.0, version: 9.15.0}
        packages:
          pnpm@9.15.0: {}
        ---
        lockfileVersion: '9.0'
        importers:
          .:
            devDependencies:
              openai: {specifier: ^4.0.0, version: 4.73.0}
        packages:
          openai@4.73.0:
            resolution: {integrity: sha512-x}
        """;
    Finding f = only(NPM, "pnpm-lock.yaml", lock);
    assertThat(f.attributes()).isEqualTo(Map.of("version", "4.73.0", "scope", "dev", "direct", "true"));
    assertThat(f.location().line()).isEqualTo(16);
  }

  @Test
  void pnpmKeysOfEveryLockfileVersion() {
    assertThat(PnpmLock.key("/openai/4.0.0")).isEqualTo(new NpmSpec("openai", "4.0.0"));
    assertThat(PnpmLock.key("/@ai-sdk/openai/1.0.0_zod@3.23.8")).isEqualTo(new NpmSpec("@ai-sdk/openai", "1.0.0"));
    assertThat(PnpmLock.key("/@ai-sdk/openai@1.0.0(zod@3.23.8)")).isEqualTo(new NpmSpec("@ai-sdk/openai", "1.0.0"));
    assertThat(PnpmLock.key("openai@4.73.0")).isEqualTo(new NpmSpec("openai", "4.73.0"));
    assertThat(NpmSpec.parse("my-gpt@npm:openai@^4")).isEqualTo(new NpmSpec("openai", "^4"));
    assertThat(NpmSpec.parse("openai@npm:^4.0.0")).isEqualTo(new NpmSpec("openai", "npm:^4.0.0"));
  }

  @Test
  void pomResolvesPropertiesRecursivelyProjectCoordinatesAndManagedVersions() {
    String pom = """
        <project><version>2.0.0</version>
          <properties><base>1.0</base><lc4j>${base}.1</lc4j></properties>
          <dependencies>
            <dependency><groupId>dev.langchain4j</groupId><artifactId>langchain4j</artifactId><version>${lc4j}</version></dependency>
            <dependency><groupId>com.openai</groupId><artifactId>openai-java</artifactId><version>${project.version}</version>
              <scope>provided</scope></dependency>
            <dependency><groupId>io.qdrant</groupId><artifactId>client</artifactId><version>${missing}</version></dependency>
            <dependency><groupId>io.milvus</groupId><artifactId>milvus-sdk-java</artifactId></dependency>
          </dependencies>
          <dependencyManagement><dependencies>
            <dependency><groupId>io.milvus</groupId><artifactId>milvus-sdk-java</artifactId><version>${base}</version></dependency>
          </dependencies></dependencyManagement>
        </project>
        """;
    assertThat(findings(MAVEN, "pom.xml", pom)).extracting(Finding::attributes).containsExactly(
        Map.of("version", "1.0.1"), Map.of("version", "2.0.0", "scope", "provided"), Map.of("version", "${missing}"),
        Map.of("version", "1.0"), Map.of("version", "1.0"));
  }

  @Test
  void goModMarksIndirectRequirements() {
    String mod = "module x\n\nrequire github.com/tmc/langchaingo v0.1.0 // indirect\nrequire (\n\t\"github.com/openai/openai-go\" v1.0.0\n)\n";
    assertThat(findings(GO, "go.mod", mod)).extracting(f -> f.attributes().get("direct")).containsExactly("false", "true");
  }

  @Test
  void gradleMapNotationAndVariables() {
    String gradle = "def v = '0.9'\ndependencies {\n  api group: 'com.anthropic', name: 'anthropic-java', version: \"$v\"\n}\n";
    Finding f = only(MAVEN, "build.gradle", gradle);
    assertThat(f.attributes()).isEqualTo(Map.of("version", "0.9", "scope", "api"));
    assertThat(f.location().line()).isEqualTo(3);
  }

  @Test
  void uvLockScopesComeFromTheProjectsGroupsAndExtras() {
    String lock = """
        version = 1
        [[package]]
        name = "app"
        version = "0.1.0"
        source = { virtual = "." }
        [package.dev-dependencies]
        test = [{ name = "OpenAI" }]
        [[package]]
        name = "openai"
        version = "1.0.0"
        source = { registry = "https://pypi.org/simple" }
        """;
    Finding f = only(PYPI, "uv.lock", lock);
    assertThat(f.attributes()).isEqualTo(Map.of("version", "1.0.0", "scope", "test", "direct", "true"));
    assertThat(f.location().line()).isEqualTo(9);
    String noProject = lock.substring(lock.indexOf("[[package]]\nname = \"openai\""));
    assertThat(only(PYPI, "uv.lock", noProject).attributes()).doesNotContainKey("direct");
  }

  @Test
  void yarnBerryWorkspacesTellDirectPackages() {
    String lock = """
        __metadata:
          version: 8

        "ai@npm:^4.0.3":
          version: 4.0.3
          resolution: "ai@npm:4.0.3"

        "openai@npm:^4.0.0":
          version: 4.73.0
          resolution: "openai@npm:4.73.0"

        "app@workspace:.":
          version: 0.0.0-use.local
          dependencies:
            ai: "npm:^4.0.3"
          languageName: unknown
        """;
    assertThat(findings(NPM, "yarn.lock", lock)).extracting(f -> f.evidence() + " " + f.attributes())
        .containsExactly("ai {direct=true, version=4.0.3}", "openai {direct=false, version=4.73.0}");
    String classic = "openai@^4.0.0:\n  version \"4.73.0\"\n";
    assertThat(findings(NPM, "yarn.lock", classic).get(0).attributes()).isEqualTo(Map.of("version", "4.73.0"));
  }

  @Test
  void byteOrderMarkIsIgnored() {
    assertThat(findings(NPM, "package.json", "\uFEFF{\"dependencies\": {\"openai\": \"^4\"}}")).hasSize(1);
    assertThat(findings(MAVEN, "pom.xml", "\uFEFF<project><dependencies><dependency><groupId>io.qdrant</groupId>"
        + "<artifactId>client</artifactId></dependency></dependencies></project>")).hasSize(1);
  }

  static List<Finding> findings(FileDetector d, String path, String text) {
    assertThat(d.accepts(path)).as("%s accepts %s", d.id(), path).isTrue();
    Detection det = d.detect(new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)));
    assertThat(det.warnings()).isEmpty();
    return det.findings();
  }

  private static Finding only(FileDetector d, String path, String text) {
    List<Finding> fs = findings(d, path, text);
    assertThat(fs).hasSize(1);
    return fs.get(0);
  }
}
