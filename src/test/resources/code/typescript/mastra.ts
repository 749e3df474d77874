import { Agent } from "@mastra/core/agent";
import { Mastra } from "@mastra/core";
import { createTool } from "@mastra/core/tools";
import { openai } from "@ai-sdk/openai";
import { z } from "zod";

// expect: tool mastra
export const weatherTool = createTool({
  id: "get-weather",
  description: "Current weather for a city",
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ context }) => ({ city: context.city, temp: 18 }),
});

// expect: agent mastra
export const weatherAgent = new Agent({
  name: "Weather Agent",
  instructions: "Answer weather questions",
  // expect: sdk-client vercel-ai
  model: openai("gpt-4o-mini"),
  tools: { weatherTool },
});

// expect: agent mastra
export const mastra = new Mastra({ agents: { weatherAgent } });
