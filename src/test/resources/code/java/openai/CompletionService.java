package com.acme.support.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/**
 * Answers support tickets with OpenAI. The client talks to https://api.openai.com/v1 unless
 * OPENAI_BASE_URL says otherwise; this Javadoc is not code and must not produce findings.
 */
public final class CompletionService {
  private final OpenAIClient client;

  public CompletionService() {
    // expect: sdk-client openai-java
    this.client = OpenAIOkHttpClient.builder()
        // expect: env-var openai
        .apiKey(System.getenv("OPENAI_API_KEY"))
        // expect: ai-endpoint openai
        .baseUrl("https://api.openai.com/v1")
        .build();
  }

  static OpenAIClient fromEnvironment() {
    // expect: sdk-client openai-java
    return OpenAIOkHttpClient.fromEnv();
  }

  public String answer(String question) {
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .model(ChatModel.GPT_4O)
        .addUserMessage(question)
        .build();
    ChatCompletion completion = client.chat().completions().create(params);
    return completion.choices().get(0).message().content().orElse("");
  }
}
