package com.acme.support.spring;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class ChatConfig {

  @Bean
  ChatModel chatModel() {
    // expect: sdk-client spring-ai
    var api = OpenAiApi.builder().apiKey(System.getenv("SUPPORT_LLM_KEY")).build();
    // expect: sdk-client spring-ai
    return OpenAiChatModel.builder()
        .openAiApi(api)
        .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o").temperature(0.3).build())
        .build();
  }

  @Bean
  ChatClient supportClient(ChatModel chatModel, BillingTools tools) {
    // expect: agent spring-ai
    return ChatClient.builder(chatModel)
        .defaultSystem("You help customers with billing.")
        .defaultTools(tools)
        .build();
  }

  @Bean
  ChatClient plainClient(ChatModel chatModel) {
    // expect: agent spring-ai
    return ChatClient.create(chatModel);
  }

  @Bean
  VectorStore vectorStore(JdbcTemplate jdbc, EmbeddingModel embeddings) {
    // expect: vector-store spring-ai
    return PgVectorStore.builder(jdbc, embeddings).dimensions(1536).build();
  }
}
