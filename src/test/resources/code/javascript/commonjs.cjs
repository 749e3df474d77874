"use strict";
const Anthropic = require("@anthropic-ai/sdk");
const { Pinecone } = require("@pinecone-database/pinecone");
const { CohereClientV2: Cohere } = require("cohere-ai");
const Groq = require("groq-sdk").default;

// expect: sdk-client anthropic-js
const claude = new Anthropic();
// expect: vector-store pinecone-js; env-var pinecone
const pc = new Pinecone({ apiKey: process.env["PINECONE_API_KEY"] });
// expect: sdk-client cohere-js
const co = new Cohere({ token: "placeholder" });
// expect: sdk-client groq-js
const groq = new Groq();

async function answer(question) {
  const msg = await claude.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    messages: [{ role: "user", content: question }],
  });
  return msg.content;
}

module.exports = { answer, pc, co, groq };
