package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Confidence;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import dev.wraith.model.Location;
import dev.wraith.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Package URLs of the NuGet, RubyGems, Packagist and Cargo manifests, and of a notebook's %pip install lines. */
class AibomEcosystemPurlsTest {
  private static Finding dep(String path, String name, String version) {
    return new Finding(FindingKind.DEPENDENCY, new Location(path, 3, 0), "x", "", "", Confidence.HIGH, Severity.NOTE, name,
        Set.of(), version.isEmpty() ? Map.of() : Map.of("version", version));
  }

  private static String purl(Finding f) {
    return AibomLibraries.from(List.of(f)).get(0).component().getPurl();
  }

  @Test
  void eachManifestGivesItsEcosystemsPurl() {
    assertThat(purl(dep("src/Agent/Agent.csproj", "Microsoft.SemanticKernel", "1.54.0"))).isEqualTo("pkg:nuget/Microsoft.SemanticKernel@1.54.0");
    assertThat(purl(dep("Directory.Packages.props", "OpenAI", "2.2.0"))).isEqualTo("pkg:nuget/OpenAI@2.2.0");
    assertThat(purl(dep("Gemfile.lock", "ruby-openai", "7.4.0"))).isEqualTo("pkg:gem/ruby-openai@7.4.0");
    assertThat(purl(dep("app/composer.lock", "OpenAI-PHP/Client", "v0.10.3"))).isEqualTo("pkg:composer/openai-php/client@v0.10.3");
    assertThat(purl(dep("Cargo.lock", "async_openai", "0.28.1"))).isEqualTo("pkg:cargo/async-openai@0.28.1");
    assertThat(purl(dep("notebooks/rag.ipynb", "langchain_openai", "0.1.7"))).isEqualTo("pkg:pypi/langchain-openai@0.1.7");
  }

  @Test
  void aCargoTomlVersionIsARangeUnlessItIsPinnedWithEquals() {
    assertThat(purl(dep("Cargo.toml", "rig-core", "0.13"))).isEqualTo("pkg:cargo/rig-core");
    assertThat(purl(dep("Cargo.toml", "genai", "=0.3.5"))).isEqualTo("pkg:cargo/genai@0.3.5");
    assertThat(purl(dep("Gemfile", "anthropic", "~> 1.5"))).isEqualTo("pkg:gem/anthropic");
  }
}
