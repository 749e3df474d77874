import { genkit, z } from "genkit";
import { googleAI } from "@genkit-ai/google-genai";

// expect: sdk-client genkit-js
const ai = genkit({
  // expect: sdk-client genkit-js
  plugins: [googleAI()],
});

// expect: tool genkit-js
const lookup = ai.defineTool(
  { name: "lookup", description: "Look up a SKU", inputSchema: z.object({ sku: z.string() }), outputSchema: z.string() },
  async ({ sku }) => `sku ${sku}`,
);

// expect: agent genkit-js
export const answerFlow = ai.defineFlow({ name: "answer", inputSchema: z.string() }, async (question) => {
  // expect: sdk-client genkit-js
  const { text } = await ai.generate({ model: googleAI.model("gemini-2.5-flash"), prompt: question, tools: [lookup] });
  return text;
});
