import OpenAI, { AzureOpenAI as AOAI } from "openai";

// expect: sdk-client openai-js
const client = new OpenAI({ apiKey: process.env.MY_APP_KEY });
// expect: sdk-client openai-js
const azure = new AOAI({
  // expect: env-var azure-openai
  endpoint: process.env.AZURE_OPENAI_ENDPOINT,
  apiVersion: "2024-10-21",
});

export async function summarise(text) {
  const reply = await client.chat.completions.create({
    model: "gpt-4o-mini",
    temperature: 0.2,
    messages: [{ role: "user", content: `Summarise: ${text}` }],
  });
  return reply.choices[0].message.content;
}

export async function viaAzure(prompt) {
  return azure.responses.create({ model: "gpt-4o", input: prompt });
}
