const OLLAMA = process.env.OLLAMA_URL || "http://localhost:11434";

export async function chat(prompt) {
  // expect: ai-endpoint openai
  const res = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    // expect: env-var openai
    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },
    body: JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: prompt }] }),
  });
  return res.json();
}

export async function local(prompt) {
  // expect: ai-endpoint ollama
  return fetch(`http://ollama:11434/api/generate?key=${prompt.length}`, { method: "POST" });
}
