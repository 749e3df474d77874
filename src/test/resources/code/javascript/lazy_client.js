// Loads the SDK only when the feature is switched on.
let client;

export async function getClient() {
  if (!client) {
    const { GoogleGenAI } = await import("@google/genai");
    // expect: sdk-client google-genai-js
    client = new GoogleGenAI({ apiKey: process.env.GEMINI_KEY_FOR_APP });
  }
  return client;
}

export async function legacy() {
  const mod = await import("@google/generative-ai");
  // expect: sdk-client google-genai-js
  const genAI = new mod.GoogleGenerativeAI("key-from-vault");
  // expect: sdk-client google-genai-js
  return genAI.getGenerativeModel({ model: "gemini-1.5-flash" });
}
