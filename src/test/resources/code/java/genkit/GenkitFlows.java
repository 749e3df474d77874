package com.acme.support.genkit;

import com.google.genkit.Genkit;
import com.google.genkit.plugins.openai.OpenAIPlugin;

/** A Genkit app with one tool, on OpenAI models. */
class GenkitFlows {
  void start() {
    // expect: agent genkit-java
    Genkit genkit = Genkit.builder()
        // expect: sdk-client genkit-java
        .plugin(OpenAIPlugin.create())
        .build();
    // expect: tool genkit-java
    genkit.defineTool("lookupOrder", "Looks an order up", (ctx, input) -> "shipped");
  }
}
