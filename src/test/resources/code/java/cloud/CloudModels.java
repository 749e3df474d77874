package com.acme.support.cloud;

import com.anthropic.bedrock.backends.BedrockBackend;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.google.cloud.vertexai.VertexAI;
import com.google.cloud.vertexai.generativeai.GenerativeModel;
import com.google.genai.Client;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;

class CloudModels {
  void anthropic() {
    // expect: sdk-client anthropic-java
    AnthropicClient direct = AnthropicOkHttpClient.fromEnv();
    // expect: sdk-client anthropic-java
    AnthropicClient viaBedrock = AnthropicOkHttpClient.builder()
        // expect: sdk-client anthropic-java
        .backend(BedrockBackend.fromEnv())
        .build();
  }

  void google() {
    // expect: sdk-client google-genai-java
    Client gemini = Client.builder().apiKey(System.getenv("GOOGLE_CLOUD_KEY")).build();
    // expect: sdk-client google-genai-java
    Client vertex = Client.builder().project("acme").location("us-central1").vertexAI(true).build();
    var response = gemini.models.generateContent("gemini-2.5-flash", "hello", null);
    // expect: sdk-client vertexai-java
    try (VertexAI vertexAi = new VertexAI("acme", "us-central1")) {
      // expect: sdk-client vertexai-java
      GenerativeModel model = new GenerativeModel("gemini-1.5-pro", vertexAi);
    }
  }

  void bedrock() {
    // expect: sdk-client bedrock-java
    BedrockRuntimeClient runtime = BedrockRuntimeClient.builder().region(Region.US_EAST_1).build();
    runtime.converse(ConverseRequest.builder().modelId("anthropic.claude-3-haiku-20240307-v1:0").build());
    // expect: agent bedrock-java
    var agents = BedrockAgentRuntimeAsyncClient.create();
  }
}
