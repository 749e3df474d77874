// unit: library @langchain/core (langchainjs)
import OpenAI from "openai";

export const client = new OpenAI();
