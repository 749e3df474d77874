package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.CodeAgent;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Finding;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The providers, speech/image/inference clouds, managed vector stores and legacy import paths added to the
 * catalogue: the fixtures under code/breadth check kinds and subjects line by line; here each finding's provider is
 * checked too, since a new signature is only useful if it names the right one.
 */
class CatalogueBreadthTest {
  private static final CodeScan SCAN = FixtureHarness.assertFixtures("code/breadth");

  private static Map<Integer, String> providers(String path, String kind) {
    Map<Integer, String> out = new TreeMap<>();
    for (Finding f : SCAN.findings()) {
      if (f.location().path().equals(path) && f.kind().id().equals(kind)) out.put(f.location().line(), f.provider());
    }
    return out;
  }

  @Test
  void legacyAndCommunityLangChainClassesNameTheirProvider() {
    assertThat(providers("python/legacy_langchain.py", "sdk-client").values()).containsExactly(
        "ollama", "azure-openai", "anthropic", "google-vertex", "alibaba-dashscope", "moonshot", "aws-bedrock", "openai",
        "ibm-watsonx", "nvidia-nim");
    assertThat(providers("python/legacy_langchain.py", "vector-store").values()).containsExactly(
        "elasticsearch", "lancedb", "google-alloydb", "google-vertex-vector-search");
  }

  @Test
  void speechImageAndInferenceCloudsNameTheirProvider() {
    assertThat(providers("python/speech_and_media.py", "sdk-client").values()).containsExactly(
        "assemblyai", "deepgram", "elevenlabs", "fal", "luma", "cartesia", "hume");
    assertThat(providers("python/inference_clouds.py", "sdk-client").values()).containsExactly(
        "cerebras", "voyage", "ai21", "writer", "alibaba-dashscope", "zhipuai", "baidu-qianfan", "ibm-watsonx", "gigachat",
        "yandexgpt");
    assertThat(providers("javascript/media.ts", "sdk-client").values()).containsExactly(
        "assemblyai", "deepgram", "elevenlabs", "fal", "luma", "cerebras", "ollama", "elevenlabs", "fal", "luma", "assemblyai");
  }

  @Test
  void managedVectorStoresNameTheirProvider() {
    assertThat(providers("python/vector_stores.py", "vector-store").values()).containsExactly(
        "lancedb", "turbopuffer", "astra-db", "azure-ai-search", "upstash-vector", "google-vertex-vector-search");
    assertThat(providers("javascript/stores.ts", "vector-store").values()).containsExactly(
        "turbopuffer", "lancedb", "azure-ai-search", "upstash-vector", "astra-db", "elasticsearch");
    assertThat(providers("java/SupportAgent.java", "vector-store").values()).containsExactly(
        "azure-ai-search", "elasticsearch", "redis-vector");
  }

  @Test
  void anAgentWithNoModelOfItsOwnHasTheFrameworksDefaultAsAnImpliedProviderOnly() {
    CodeAgent crew = SCAN.agents().stream().filter(a -> a.path().equals("python/crew_default.py")).findFirst().orElseThrow();
    assertThat(crew.providers()).isEmpty();
    assertThat(crew.impliedProviders()).containsExactly("openai");
    CodeAgent legacy = SCAN.agents().stream().filter(a -> a.path().equals("python/legacy_langchain.py")).findFirst().orElseThrow();
    assertThat(legacy.impliedProviders()).as("a file that names its providers implies none").isEmpty();
  }
}
