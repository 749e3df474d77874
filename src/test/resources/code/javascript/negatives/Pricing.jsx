import React from "react";
import { twMerge } from "tailwind-merge";

// A pricing card that compares plans "powered by OpenAI" — marketing copy, not an integration.
export default function Pricing({ agent = "Mozilla/5.0" }) {
  return (
    <div className={twMerge("card", "p-4")} data-user-agent={agent}>
      <h3>Pro plan — includes OpenAI and Anthropic models</h3>
      <a href="https://status.example.com/health">Status</a>
    </div>
  );
}
