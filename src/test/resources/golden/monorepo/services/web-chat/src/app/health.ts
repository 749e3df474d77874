// Liveness probe helper. The user agent string is for our own status page, not an AI agent.
const agent = "acme-web-chat/1.4";

export async function healthy(): Promise<boolean> {
  const res = await fetch("https://status.acme.example/health", { headers: { "User-Agent": agent } });
  return res.ok;
}
