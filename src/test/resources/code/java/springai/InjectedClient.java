package com.acme.support.spring;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.stereotype.Service;

@Service
class InjectedClient {
  private final ChatClient chat;

  InjectedClient(ChatClient.Builder builder) {
    // expect: agent spring-ai
    this.chat = builder.build();
  }

  String summarise(String text, BillingTools tools) {
    return chat.prompt().user("Summarise: " + text).tools(tools).call().content();
  }
}
