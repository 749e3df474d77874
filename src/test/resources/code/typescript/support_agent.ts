import { Agent, run, tool, shellTool } from "@openai/agents";
import { z } from "zod";
import type { Shell } from "@openai/agents";

// expect: tool openai-agents-js
const refund = tool({
  name: "refund",
  description: "Refund an order",
  parameters: z.object({ orderId: z.string() }),
  execute: async ({ orderId }: { orderId: string }) => `refunded ${orderId}`,
});

declare const localShell: Shell;

export class SupportDesk {
  private agent: Agent;

  constructor() {
    // expect: agent openai-agents-js
    this.agent = new Agent({
      name: "Support",
      instructions: "Help customers",
      model: "gpt-4.1-mini",
      // expect: tool openai-agents-js
      tools: [refund, shellTool({ shell: localShell })],
    });
  }

  async handle(question: string): Promise<string | undefined> {
    // expect: agent openai-agents-js
    const result = await run(this.agent, question);
    return result.finalOutput;
  }
}
