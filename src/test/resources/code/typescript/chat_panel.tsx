"use client";
import { useChat } from "@ai-sdk/react";
import { Experimental_Agent as Agent } from "ai";
import { groq } from "@ai-sdk/groq";
import { LlamaIndexPanel } from "./llamaindex-panel";

// expect: agent vercel-ai; sdk-client vercel-ai
const helper = new Agent<{}>({ model: groq("llama-3.3-70b-versatile"), system: "Be brief" });

export function ChatPanel({ title }: { title: string }) {
  const { messages, input, handleInputChange, handleSubmit } = useChat({ api: "/api/chat" });
  const cast = helper as unknown as object;
  return (
    <form onSubmit={handleSubmit} data-agent={String(cast)}>
      <h2 className="text-lg font-bold">{title}</h2>
      {messages.map((m) => (
        <p key={m.id}>{m.content}</p>
      ))}
      <input value={input} onChange={handleInputChange} placeholder="Ask about OpenAI pricing" />
      <LlamaIndexPanel />
    </form>
  );
}
