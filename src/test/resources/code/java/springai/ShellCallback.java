package com.acme.support.spring;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/** A hand-written tool: seen through its supertype. */
// expect: tool spring-ai
public class ShellCallback implements ToolCallback {
  @Override
  public ToolDefinition getToolDefinition() {
    return ToolDefinition.builder().name("uptime").description("Host uptime").inputSchema("{}").build();
  }

  @Override
  public String call(String input) {
    return "up 3 days";
  }
}
