import { ChatOpenAI } from "@langchain/openai";
import { AgentExecutor, createToolCallingAgent } from "langchain/agents";
import { DynamicStructuredTool } from "@langchain/core/tools";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { Calculator } from "@langchain/community/tools/calculator";

// expect: sdk-client langchainjs
const llm = new ChatOpenAI({ model: "gpt-4o-mini", temperature: 0 });

// expect: tool langchainjs
const lookup = new DynamicStructuredTool({
  name: "lookup_order",
  description: "Looks up an order",
  schema: {},
  func: async ({ id }) => `order ${id}`,
});

// expect: tool langchainjs
const tools = [lookup, new Calculator()];
const prompt = ChatPromptTemplate.fromMessages([["system", "You are helpful"], ["human", "{input}"]]);
// expect: agent langchainjs
const agent = createToolCallingAgent({ llm, tools, prompt });
// expect: agent langchainjs
export const executor = new AgentExecutor({ agent, tools });
