import { experimental_generateSpeech as generateSpeech, experimental_transcribe as transcribe, experimental_generateImage as generateImage } from "ai";
import { assemblyai } from "@ai-sdk/assemblyai";
import { createDeepgram } from "@ai-sdk/deepgram";
import { elevenlabs } from "@ai-sdk/elevenlabs";
import { fal } from "@ai-sdk/fal";
import { luma } from "@ai-sdk/luma";
import { cerebras } from "@ai-sdk/cerebras";
import { createOllama } from "ollama-ai-provider-v2";
import { ElevenLabsClient } from "@elevenlabs/elevenlabs-js";
import { fal as falClient } from "@fal-ai/client";
import LumaAI from "lumaai";
import { AssemblyAI } from "assemblyai";

export async function media(audio: Uint8Array) {
  // expect: sdk-client vercel-ai
  const transcript = await transcribe({ model: assemblyai.transcription("best"), audio });
  // expect: sdk-client vercel-ai; env-var deepgram
  const deepgram = createDeepgram({ apiKey: process.env.DEEPGRAM_API_KEY });
  // expect: sdk-client vercel-ai
  const speech = await generateSpeech({ model: elevenlabs.speech("eleven_multilingual_v2"), text: "hi" });
  // expect: sdk-client vercel-ai
  const image = await generateImage({ model: fal.image("fal-ai/flux/dev"), prompt: "a lighthouse" });
  // expect: sdk-client vercel-ai
  const video = luma.image("photon-1");
  // expect: sdk-client vercel-ai
  const fast = cerebras("llama3.1-8b");
  // expect: sdk-client vercel-ai
  const local = createOllama({ baseURL: "http://localhost:11434/api" });
  // expect: sdk-client elevenlabs-js
  const eleven = new ElevenLabsClient();
  // expect: sdk-client fal-js
  const result = await falClient.subscribe("fal-ai/flux/dev", { input: { prompt: "x" } });
  // expect: sdk-client luma-js
  const lumaClient = new LumaAI();
  // expect: sdk-client assemblyai-js
  const aai = new AssemblyAI({ apiKey: "" });
  return { transcript, deepgram, speech, image, video, fast, local, eleven, result, lumaClient, aai };
}
