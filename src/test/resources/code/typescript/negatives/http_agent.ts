import { Agent } from "https";
import * as https from "node:https";
import type { Config } from "tailwindcss";
import { assert } from "chai";
import { ask } from "../lib/openai";
import OpenAI from "./openai";

// OpenAI and api.openai.com are mentioned in this comment only.
const userAgent: string = "acme-bot/2.0";
const agent = new Agent({ keepAlive: true });
const secureAgent = new https.Agent({ rejectUnauthorized: true });

export const config: Config = { content: ["./src/**/*.tsx"] };

export async function ping(): Promise<boolean> {
  const res = await fetch("https://status.example.com/health", { headers: { "User-Agent": userAgent } });
  assert.isTrue(res.ok);
  const local = new OpenAI();
  return Boolean(agent && secureAgent && local && (await ask("hi")));
}
