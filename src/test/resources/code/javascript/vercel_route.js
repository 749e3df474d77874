import { generateText, streamText, tool } from "ai";
import { openai } from "@ai-sdk/openai";
import { createAnthropic } from "@ai-sdk/anthropic";
import { z } from "zod";

// expect: sdk-client vercel-ai
const anthropic = createAnthropic({ baseURL: "https://gateway.internal.example/anthropic" });

// expect: tool vercel-ai
const weather = tool({
  description: "Get the weather for a city",
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, temperature: 21 }),
});

export async function POST(req) {
  const { messages } = await req.json();
  // expect: sdk-client vercel-ai
  const result = streamText({
    // expect: sdk-client vercel-ai
    model: openai("gpt-4o"),
    messages,
    tools: { weather },
  });
  return result.toDataStreamResponse();
}

export async function draft(prompt) {
  // expect: sdk-client vercel-ai
  const { text } = await generateText({ model: anthropic("claude-3-5-haiku-latest"), prompt, maxTokens: 400 });
  return text;
}
