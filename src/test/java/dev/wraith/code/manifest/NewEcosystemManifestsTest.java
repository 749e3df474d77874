package dev.wraith.code.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.FileDetector;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import dev.wraith.model.Finding;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NuGet, RubyGems, Packagist and Cargo: versions, scopes and direct flags as each format states them (the fixtures
 * under code/manifest check subjects and lines), and hostile input.
 */
class NewEcosystemManifestsTest {
  private static final String CANARY = "wraith-canary-5d1e";
  private static final Catalogue CATALOGUE = FixtureHarness.catalogue();
  private static final FileDetector NUGET = new NugetManifestDetector(CATALOGUE);
  private static final FileDetector RUBY = new RubyManifestDetector(CATALOGUE);
  private static final FileDetector COMPOSER = new ComposerManifestDetector(CATALOGUE);
  private static final FileDetector CARGO = new CargoManifestDetector(CATALOGUE);

  @Test
  void msbuildVersionsComeFromAttributesChildrenOverridesAndProperties() {
    String csproj = """
        <Project><PropertyGroup><SkVersion>1.54.0</SkVersion></PropertyGroup><ItemGroup>
          <PackageReference Include="Microsoft.SemanticKernel" Version="$(SkVersion)" />
          <PackageReference Include="OpenAI"><Version>2.2.0</Version></PackageReference>
          <PackageReference Include="Azure.AI.OpenAI" Version="1.0.0" VersionOverride="2.1.0" />
          <PackageReference Include="ModelContextProtocol" Version="0.3.0" PrivateAssets="All" />
          <PackageReference Update="OllamaSharp" Version="5.0.0" />
        </ItemGroup></Project>
        """;
    Detection d = NUGET.detect(file("src/Agent.csproj", csproj));
    assertThat(d.findings()).extracting(Finding::evidence, Finding::attributes).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Microsoft.SemanticKernel", Map.of("version", "1.54.0")),
        org.assertj.core.groups.Tuple.tuple("OpenAI", Map.of("version", "2.2.0")),
        org.assertj.core.groups.Tuple.tuple("Azure.AI.OpenAI", Map.of("version", "2.1.0")),
        org.assertj.core.groups.Tuple.tuple("ModelContextProtocol", Map.of("version", "0.3.0", "scope", "dev")));
    Finding central = only(NUGET, "Directory.Packages.props",
        "<Project><ItemGroup><PackageVersion Include=\"OpenAI\" Version=\"2.2.0\" /></ItemGroup></Project>");
    assertThat(central.attributes()).isEqualTo(Map.of("version", "2.2.0", "scope", "central"));
  }

  @Test
  void nugetLockfileSaysWhatIsDirect() {
    String lock = "{\"version\":1,\"dependencies\":{\"net8.0\":{"
        + "\"OpenAI\":{\"type\":\"Direct\",\"requested\":\"[2.2.0, )\",\"resolved\":\"2.2.0\"},"
        + "\"Azure.AI.OpenAI\":{\"type\":\"CentralTransitive\",\"resolved\":\"2.1.0\"}}}}";
    Detection d = NUGET.detect(file("packages.lock.json", lock));
    assertThat(d.findings()).extracting(f -> f.attributes()).containsExactly(
        Map.of("version", "2.2.0", "direct", "true"), Map.of("version", "2.1.0", "direct", "false"));
  }

  @Test
  void gemfileGroupsAndOptionsAndLockfileDirectness() {
    String gemfile = """
        group :development, :test do
          gem "ruby-openai", "~> 7.3", ">= 7.3.1"
        end
        gem 'anthropic', '1.5.0', :group => :worker
        if ENV['X']
          gem 'pg'
        end
        gem 'langchainrb'
        """;
    Detection d = RUBY.detect(file("Gemfile", gemfile));
    assertThat(d.findings()).extracting(Finding::evidence, f -> f.attributes(), f -> f.location().line()).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ruby-openai", Map.of("version", "~> 7.3, >= 7.3.1", "scope", "development,test"), 2),
        org.assertj.core.groups.Tuple.tuple("anthropic", Map.of("version", "1.5.0", "scope", "worker"), 4),
        org.assertj.core.groups.Tuple.tuple("langchainrb", Map.of(), 8));
    String lock = """
        GEM
          remote: https://rubygems.org/
          specs:
            anthropic (1.5.0)
            ruby-openai (7.4.0)
              faraday (>= 1)

        DEPENDENCIES
          ruby-openai (~> 7.3)!
        """;
    assertThat(RUBY.detect(file("Gemfile.lock", lock)).findings()).extracting(f -> f.attributes()).containsExactly(
        Map.of("version", "1.5.0", "direct", "false"), Map.of("version", "7.4.0", "direct", "true"));
  }

  @Test
  void composerScopesAndCargoRenamesScopesAndDirectness() {
    Finding dev = only(COMPOSER, "composer.json", "{\"require-dev\": {\"openai-php/client\": \"^0.10\"}}");
    assertThat(dev.attributes()).isEqualTo(Map.of("version", "^0.10", "scope", "dev"));
    String toml = """
        [dependencies]
        oai = { package = "async-openai", version = "0.28", optional = true }
        [build-dependencies]
        rig-core = "0.13"
        [workspace.dependencies]
        rmcp = "0.3"
        """;
    assertThat(CARGO.detect(file("Cargo.toml", toml)).findings()).extracting(Finding::evidence, f -> f.attributes(), f -> f.location().line())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("async-openai", Map.of("version", "0.28", "scope", "optional"), 2),
            org.assertj.core.groups.Tuple.tuple("rig-core", Map.of("version", "0.13", "scope", "build"), 4),
            org.assertj.core.groups.Tuple.tuple("rmcp", Map.of("version", "0.3", "scope", "workspace"), 6));
    // crates.io names: '-' and '_' are one, case is ignored
    assertThat(only(CARGO, "Cargo.toml", "[dependencies]\nAsync_OpenAI = \"0.28\"\n").subject()).isEqualTo("async-openai");
  }

  @Test
  void projectFilesWithEntitiesReadNoFileAndNoUrl(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, CANARY);
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
      String csproj = """
          <?xml version="1.0"?>
          <!DOCTYPE Project [ <!ENTITY xxe SYSTEM "%s"> <!ENTITY %% remote SYSTEM "%s"> %%remote; ]>
          <Project><ItemGroup><PackageReference Include="OpenAI" Version="&xxe;" /></ItemGroup></Project>
          """.formatted(secret.toUri(), url);
      for (String name : new String[] {"Agent.csproj", "packages.config", "Directory.Packages.props"}) {
        Detection d = NUGET.detect(file(name, csproj));
        assertThat(d.findings()).isEmpty();
        assertThat(d.warnings()).singleElement().asString().contains("DOCTYPE").doesNotContain(CANARY);
      }
      assertThat(requests.get()).as("HTTP requests made while parsing").isZero();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void malformedFilesBecomeOneWarningWithoutTheirContent() {
    String token = "ghp_" + CANARY;
    for (Object[] c : new Object[][] {{NUGET, "a.csproj", "<Project><ItemGroup>" + token}, {NUGET, "packages.lock.json", "{\"x\": " + token},
        {COMPOSER, "composer.lock", "{\"packages\": [" + token}, {CARGO, "Cargo.lock", "[[package]]\nname = " + token}}) {
      Detection d = ((FileDetector) c[0]).detect(file((String) c[1], (String) c[2]));
      assertThat(d.findings()).isEmpty();
      assertThat(d.warnings()).singleElement().asString().startsWith(c[1] + ": malformed ").doesNotContain(CANARY);
    }
    // Ruby files are read line by line: garbage is simply no declaration
    assertThat(RUBY.detect(file("Gemfile", "gem (((( " + token)).findings()).isEmpty();
  }

  private static Finding only(FileDetector d, String path, String text) {
    Detection det = d.detect(file(path, text));
    assertThat(det.findings()).hasSize(1);
    return det.findings().get(0);
  }

  private static SourceFile file(String path, String text) {
    return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
  }
}
