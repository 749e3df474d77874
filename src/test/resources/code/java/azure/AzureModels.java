package com.acme.support.azure;

import com.azure.ai.inference.ChatCompletionsClient;
import com.azure.ai.inference.ChatCompletionsClientBuilder;
import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.core.credential.AzureKeyCredential;

/** Chat through an Azure OpenAI deployment and through Azure AI Inference. */
class AzureModels {
  OpenAIClient openai(String endpoint, String key) {
    // expect: sdk-client azure-openai-java
    return new OpenAIClientBuilder()
        .endpoint(endpoint)
        .credential(new AzureKeyCredential(key))
        .buildClient();
  }

  ChatCompletionsClient inference(String endpoint, String key) {
    // expect: sdk-client azure-openai-java
    return new ChatCompletionsClientBuilder()
        .endpoint(endpoint)
        .credential(new AzureKeyCredential(key))
        .buildClient();
  }
}
