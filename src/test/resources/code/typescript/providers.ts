import Anthropic from "@anthropic-ai/sdk";
import { AnthropicBedrock } from "@anthropic-ai/bedrock-sdk";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { Mistral } from "@mistralai/mistralai";
import { InferenceClient } from "@huggingface/inference";
import ollama from "ollama";
import Replicate from "replicate";
import { QdrantClient } from "@qdrant/js-client-rest";
import { ChromaClient } from "chromadb";
import weaviate from "weaviate-client";
import { MilvusClient } from "@zilliz/milvus2-sdk-node";
import { VertexAI } from "@google-cloud/vertexai";
import oa = require("openai");

// expect: sdk-client anthropic-js
const claude: Anthropic = new Anthropic({ apiKey: process.env.APP_SECRET! });
// expect: sdk-client anthropic-js
const bedrockClaude = new AnthropicBedrock({ awsRegion: "us-east-1" });
// expect: sdk-client bedrock-js
const runtime = new BedrockRuntimeClient({ region: "eu-west-1" });
// expect: sdk-client openai-js
const legacy = new oa.OpenAI();

export async function converse(text: string) {
  // expect: sdk-client bedrock-js
  const cmd = new ConverseCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", messages: [{ role: "user", content: [{ text }] }] });
  return runtime.send(cmd);
}

// expect: sdk-client mistral-js
const mistral = new Mistral({ apiKey: process.env.MISTRAL_KEY ?? "" });
// expect: sdk-client huggingface-js
const hf = new InferenceClient(process.env.HF_KEY_FOR_APP);
// expect: sdk-client replicate-js
const replicate = new Replicate();

export async function local(prompt: string) {
  // expect: sdk-client ollama-js
  const res = await ollama.chat({ model: "llama3.1", messages: [{ role: "user", content: prompt }] });
  // expect: sdk-client replicate-js
  const image = await replicate.run("black-forest-labs/flux-schnell", { input: { prompt } });
  return [res.message.content, image, claude, bedrockClaude, mistral, hf, legacy];
}

// expect: vector-store qdrant-js; ai-endpoint qdrant
const qdrant = new QdrantClient({ url: "http://qdrant:6333" });
// expect: vector-store chroma-js
const chroma = new ChromaClient();
// expect: vector-store weaviate-js
const wv = await weaviate.connectToLocal();
// expect: vector-store milvus-js; ai-endpoint milvus
const milvus = new MilvusClient({ address: "http://milvus:19530" });
// expect: sdk-client vertexai-js
const vertex = new VertexAI({ project: "acme", location: "us-central1" });
// expect: sdk-client vertexai-js
export const gemini = vertex.getGenerativeModel({ model: "gemini-2.0-flash" });
export const stores = { qdrant, chroma, wv, milvus };
