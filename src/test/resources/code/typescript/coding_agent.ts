import { ToolLoopAgent, stepCountIs } from "ai";
import { anthropic } from "@ai-sdk/anthropic";
import { agent } from "@llamaindex/workflow";
import { openai as liOpenAI } from "@llamaindex/openai";
import { tool as liTool } from "llamaindex";
import { spawnSync } from "node:child_process";
import { z } from "zod";

// expect: agent vercel-ai
export const coder = new ToolLoopAgent({
  // expect: sdk-client vercel-ai
  model: anthropic("claude-sonnet-4-5"),
  instructions: "Fix the failing tests in this repository.",
  tools: {
    // expect: tool vercel-ai
    bash: anthropic.tools.bash_20250124({
      execute: async ({ command }) => spawnSync("sh", ["-c", command], { encoding: "utf8" }).stdout,
    }),
  },
  stopWhen: stepCountIs(30),
});

// expect: tool llamaindex-js
const sum = liTool({
  name: "sum",
  description: "Adds two numbers",
  parameters: z.object({ a: z.number(), b: z.number() }),
  execute: ({ a, b }) => a + b,
});

// expect: agent llamaindex-js; sdk-client llamaindex-js
export const mathAgent = agent({ llm: liOpenAI({ model: "gpt-4o-mini" }), tools: [sum] });
