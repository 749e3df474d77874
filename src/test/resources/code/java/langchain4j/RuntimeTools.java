package com.acme.support.agent;

import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;

class RuntimeTools
    // expect: tool langchain4j
    implements ToolProvider {
  @Override
  public ToolProviderResult provideTools(ToolProviderRequest request) {
    return ToolProviderResult.builder().build();
  }
}
