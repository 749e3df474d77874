import { anthropic } from "@ai-sdk/anthropic";
import { streamText, tool } from "ai";
import { z } from "zod";

export const maxDuration = 30;

const orderStatus = tool({
  description: "Look up the status of an order",
  parameters: z.object({ orderId: z.string() }),
  execute: async ({ orderId }: { orderId: string }) => {
    const res = await fetch(`https://orders.internal.acme.example/v1/orders/${orderId}`);
    return res.json();
  },
});

export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = streamText({
    model: anthropic("claude-3-5-sonnet-latest"),
    system: "You are ACME's customer support assistant.",
    messages,
    tools: { orderStatus },
  });
  return result.toDataStreamResponse();
}
