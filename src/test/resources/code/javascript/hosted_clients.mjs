import { AzureOpenAI } from "@azure/openai";
import ModelClient from "@azure-rest/ai-inference";
import { AzureKeyCredential } from "@azure/core-auth";
import Together from "together-ai";

// expect: sdk-client azure-openai-js
const azure = new AzureOpenAI({ deployment: "gpt-4o", apiVersion: "2024-10-21" });
// expect: sdk-client azure-openai-js; ai-endpoint azure-openai
const inference = ModelClient("https://acme.services.ai.azure.com/models", new AzureKeyCredential("unused"));
// expect: sdk-client together-js
const together = new Together();

export async function answer(question) {
  const reply = await together.chat.completions.create({
    model: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
    messages: [{ role: "user", content: question }],
  });
  return reply.choices[0].message.content;
}
