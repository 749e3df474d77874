package com.acme.billing;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.azure.AzureOpenAiChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;

/** Answers billing questions for support staff. */
public class BillingAssistant {

  interface Assistant {
    String chat(String question);
  }

  static class InvoiceTools {
    @Tool("Looks up an invoice by number")
    String invoice(String number) {
      return InvoiceRepository.find(number).toString();
    }
  }

  public static Assistant create() {
    ChatModel model = AzureOpenAiChatModel.builder()
        .endpoint(System.getenv("AZURE_OPENAI_ENDPOINT"))
        .apiKey(System.getenv("AZURE_OPENAI_API_KEY"))
        .deploymentName("gpt-4o")
        .temperature(0.1)
        .build();
    return AiServices.builder(Assistant.class).chatModel(model).tools(new InvoiceTools()).build();
  }
}
