// Astro server endpoint: secrets come from import.meta.env, the SDK is re-exported for the rest of the app.
// expect: ai-import mistral-js
export { Mistral } from "@mistralai/mistralai";

// expect: env-var openai
const key = import.meta.env.OPENAI_API_KEY;
const model = `gpt-4o-mini`;

export async function POST({ request }: { request: Request }) {
  const body = await request.json();
  // expect: ai-endpoint openai
  return fetch(`https://api.openai.com/v1/responses`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ model, input: body.prompt }),
  });
}
