package com.acme.support.agent;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;

public class SupportAgent {

  interface Assistant {
    @SystemMessage("You are a polite support agent.")
    String chat(String message);
  }

  static class OrderTools {
    // expect: tool langchain4j
    @Tool("Looks up the status of an order")
    String orderStatus(@P("order id") String id) {
      return "shipped";
    }

    // expect: tool langchain4j
    @dev.langchain4j.agent.tool.Tool
    String cancel(String id) {
      return "cancelled";
    }
  }

  private final ChatModel model;

  SupportAgent(String apiKey) {
    // expect: sdk-client langchain4j
    model = OpenAiChatModel.builder()
        .apiKey(apiKey)
        .modelName("gpt-4o-mini")
        .temperature(0.2)
        .maxTokens(512)
        .build();
  }

  Assistant assistant() {
    // expect: agent langchain4j
    return AiServices.builder(Assistant.class)
        .chatModel(model)
        .tools(new OrderTools())
        .chatMemory(MessageWindowChatMemory.withMaxMessages(10))
        .build();
  }

  EmbeddingStore<TextSegment> store(String host) {
    // expect: vector-store langchain4j
    return PgVectorEmbeddingStore.builder()
        .host(host)
        .port(5432)
        .table("tickets")
        .dimension(1536)
        .build();
  }

  String ask(String q) {
    return model.chat(q);
  }
}
