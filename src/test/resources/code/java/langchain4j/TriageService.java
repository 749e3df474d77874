package com.acme.support.agent;

import dev.langchain4j.service.spring.AiService;
import dev.langchain4j.service.UserMessage;

/** A declarative AI service: Spring builds the agent from this interface. */
// expect: agent langchain4j
@AiService
public interface TriageService {
  @UserMessage("Classify this ticket: {{it}}")
  String classify(String ticket);
}
