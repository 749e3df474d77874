// unit: agent crewai
import OpenAI from "openai";

export const client = new OpenAI();
