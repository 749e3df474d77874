package dev.wraith.code.rust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RustDetectorTest {
  @Test
  void rustFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/rust");
  }

  @Test
  void modelNamesComeFromBuilderLinksAndConvertedStrings() {
    Detection d = detect("""
        use async_openai::types::CreateChatCompletionRequestArgs;
        use rig::providers::openai;
        fn main() {
            let r = CreateChatCompletionRequestArgs::default().model("gpt-4o".to_string()).temperature(0.2).build();
            let a = openai::Client::from_env().agent(String::from("gpt-4o-mini")).build();
        }
        """);
    assertThat(d.models()).extracting(m -> m.model()).contains("gpt-4o");
    assertThat(d.findings()).filteredOn(f -> f.kind().id().equals("agent")).singleElement()
        .satisfies(f -> assertThat(f.attributes()).containsEntry("model", "gpt-4o-mini"));
  }

  @Test
  void writtenOutPathsAndStructLiteralsResolve() {
    Detection d = detect("""
        fn main() {
            let c = async_openai::Client::new();
            let p = pinecone_sdk::pinecone::PineconeClientConfig { api_key: None, ..Default::default() };
        }
        """);
    assertThat(d.findings()).extracting(f -> f.subject()).containsExactlyInAnyOrder("async-openai", "pinecone-rust");
  }

  @Test
  void cratePathsNeverResolve() {
    Detection d = detect("""
        use crate::rig::providers::openai;
        fn main() { let c = openai::Client::from_env(); let d = self::async_openai::Client::new(); }
        """);
    assertThat(d.findings()).isEmpty();
  }

  private static Detection detect(String code) {
    Catalogue c = FixtureHarness.catalogue();
    return new RustDetector(new FactMatcher(c), c).detect(new SourceFile("main.rs", code.getBytes(StandardCharsets.UTF_8)));
  }
}
