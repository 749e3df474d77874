// unit: agent openai-java
package com.acme;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;

public final class Assistant {
  static OpenAIClient client() {
    return OpenAIOkHttpClient.fromEnv();
  }
}
