package com.acme.support.spring;

import org.springaicommunity.mcp.annotation.McpTool;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.stereotype.Component;

@Component
class BillingTools {
  // expect: tool spring-ai
  @Tool(description = "Refund an invoice")
  String refund(String invoiceId) {
    return "refunded " + invoiceId;
  }

  // expect: tool spring-ai
  @McpTool(name = "invoice-total", description = "Total of an invoice")
  long total(String invoiceId) {
    return 42L;
  }
}
