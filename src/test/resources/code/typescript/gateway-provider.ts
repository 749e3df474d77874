import { gateway } from "@ai-sdk/gateway";
import { customProvider, generateText } from "ai";

export function modelFor(id: string) {
  // expect: sdk-client vercel-ai
  return gateway.languageModel(id);
}

export async function title(prompt: string) {
  // expect: sdk-client vercel-ai
  const { text } = await generateText({ model: gateway("xai/grok-2-1212"), prompt });
  return text;
}

// expect: env-var vercel-ai-gateway
const configured = Boolean(process.env.AI_GATEWAY_API_KEY);
export const provider = customProvider({ languageModels: {} });
