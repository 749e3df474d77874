// unit: library openai-java (openai-java)
package com.openai.example;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;

public final class Example {
  static OpenAIClient client() {
    return OpenAIOkHttpClient.fromEnv();
  }
}
