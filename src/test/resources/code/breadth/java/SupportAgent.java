package com.acme.support;

import ai.koog.agents.core.agent.AIAgent;
import ai.koog.prompt.executor.clients.anthropic.AnthropicLLMClient;
import com.assemblyai.api.AssemblyAI;
import com.azure.search.documents.SearchClientBuilder;
import dev.langchain4j.model.voyageai.VoyageAiEmbeddingModel;
import dev.langchain4j.store.embedding.elasticsearch.ElasticsearchEmbeddingStore;
import io.quarkiverse.langchain4j.RegisterAiService;
import org.springframework.ai.deepseek.DeepSeekChatModel;
import org.springframework.ai.vectorstore.redis.RedisVectorStore;

// expect: agent langchain4j
@RegisterAiService
interface Triage {
  String classify(String ticket);
}

class SupportAgent {
  void wire() {
    // expect: sdk-client koog
    var claude = new AnthropicLLMClient(System.getenv("ANTHROPIC_KEY"));
    // expect: agent koog
    var agent = AIAgent.builder().build();
    // expect: sdk-client assemblyai-java
    var aai = AssemblyAI.builder().apiKey("k").build();
    // expect: vector-store azure-search-java
    var search = new SearchClientBuilder().endpoint("https://x").buildClient();
    // expect: sdk-client langchain4j
    var voyage = VoyageAiEmbeddingModel.builder().modelName("voyage-3").build();
    // expect: vector-store langchain4j
    var es = ElasticsearchEmbeddingStore.builder().build();
    // expect: sdk-client spring-ai
    var deepseek = DeepSeekChatModel.builder().build();
    // expect: vector-store spring-ai
    var redis = RedisVectorStore.builder(null, null).build();
  }
}
