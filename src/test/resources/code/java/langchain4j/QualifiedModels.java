package com.acme.support.agent;

/** No imports: the model classes are written fully qualified. */
class QualifiedModels {
  Object anthropic(String key) {
    // expect: sdk-client langchain4j
    return dev.langchain4j.model.anthropic.AnthropicChatModel.builder().apiKey(key).modelName("claude-sonnet-4-5").build();
  }

  Object ollama() {
    // expect: sdk-client langchain4j
    return dev.langchain4j.model.ollama.OllamaChatModel.builder()
        // expect: ai-endpoint ollama
        .baseUrl("http://ollama:11434")
        .modelName("llama3.1")
        .build();
  }
}
