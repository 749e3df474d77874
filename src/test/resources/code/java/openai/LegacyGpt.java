package com.acme.support.openai;

import com.theokanning.openai.completion.chat.ChatCompletionRequest;
import com.theokanning.openai.completion.chat.ChatMessage;
import com.theokanning.openai.service.*;
import java.time.Duration;
import java.util.*;

/** Old code path still on the community client; resolved through its one AI on-demand import. */
class LegacyGpt {
  String ask(String token, String prompt) {
    // expect: sdk-client openai-java
    OpenAiService service = new OpenAiService(token, Duration.ofSeconds(30));
    List<ChatMessage> messages = List.of(new ChatMessage("user", prompt));
    return service.createChatCompletion(ChatCompletionRequest.builder().model("gpt-3.5-turbo").messages(messages).build())
        .getChoices().get(0).getMessage().getContent();
  }
}
