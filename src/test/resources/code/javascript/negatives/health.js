// Health checks. Nothing here talks to OpenAI; api.openai.com only appears in this comment.
/* new OpenAI({ model: "gpt-4o" }) — commented-out experiment */
import https from "https";
import { Agent } from "https";
import { expect } from "chai";

const agent = "wraith-health/1.0";
const keepAlive = new https.Agent({ keepAlive: true });
const pooled = new Agent({ maxSockets: 4 });

export async function check() {
  const res = await fetch("https://status.example.com/health", { headers: { "User-Agent": agent }, agent: keepAlive });
  expect(res.ok).to.equal(true);
  return pooled;
}
