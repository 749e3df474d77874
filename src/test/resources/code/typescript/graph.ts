import { StateGraph, MessagesAnnotation } from "@langchain/langgraph";
import { createReactAgent, ToolNode } from "@langchain/langgraph/prebuilt";
import { ChatAnthropic } from "@langchain/anthropic";
import { tool, StructuredTool } from "@langchain/core/tools";
import { z } from "zod";

// expect: tool langchainjs
class SearchTool extends StructuredTool {
  name = "search";
  description = "Search the catalogue";
  schema = z.object({ query: z.string() });
  async _call({ query }: { query: string }) {
    return `results for ${query}`;
  }
}

// expect: tool langchainjs
const add = tool(async ({ a, b }: { a: number; b: number }) => String(a + b), {
  name: "add",
  description: "Add two numbers",
  schema: z.object({ a: z.number(), b: z.number() }),
});

// expect: sdk-client langchainjs
const model = new ChatAnthropic({ model: "claude-3-5-sonnet-latest", temperature: 0 });
// a local subclass: its extends clause above is the finding
const tools = [add, new SearchTool()] as const;
// expect: agent langchainjs
export const agent = createReactAgent({ llm: model, tools: [...tools] });

// expect: agent langchainjs
export const graph = new StateGraph(MessagesAnnotation)
  // expect: tool langchainjs
  .addNode("tools", new ToolNode([...tools]))
  .compile();
