package com.acme.support.agent;

import static dev.langchain4j.model.mistralai.MistralAiChatModel.builder;

import dev.langchain4j.model.chat.ChatModel;

class StaticBuilder {
  ChatModel mistral(String key) {
    // expect: sdk-client langchain4j
    var model = builder().apiKey(key).modelName("mistral-large-latest").build();
    return model;
  }
}
