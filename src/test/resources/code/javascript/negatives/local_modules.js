// Local modules that happen to be called like SDKs are the project's own code.
import { generateText } from "./ai";
import OpenAI from "../lib/openai";
const { Pinecone } = require("./vendor/pinecone");
const tailwind = require("tailwindcss");

const client = new OpenAI();
const pc = new Pinecone();
export const summary = generateText({ model: "house-model" });
export const theme = tailwind.config;
