import { Agent } from "https";

// A marketing page that talks about agents and OpenAI without using either.
export function Landing({ agent }: { agent: Agent }) {
  return (
    <section className="hero">
      <h1>Build agents with OpenAI, Anthropic and LangChain</h1>
      <p>Our User-Agent is {String(agent)}.</p>
    </section>
  );
}
