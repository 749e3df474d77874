package com.acme.support.agent;

/**
 * Our own "agent": a support person's record. Nothing here is an AI agent, even though this Javadoc
 * mentions OpenAI, LangChain4j and https://api.openai.com/v1/chat/completions.
 */
public class Agent {
  private final String name;

  public Agent(String name) {
    this.name = name;
  }

  // TODO: call api.openai.com to summarise tickets (not yet)
  public static Agent onCall() {
    return new Agent("on-call");
  }
}
