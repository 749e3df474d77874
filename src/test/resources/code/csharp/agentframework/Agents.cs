using Microsoft.Agents.AI;
// expect: ai-import microsoft-extensions-ai
using Microsoft.Extensions.AI;
using OpenAI;

namespace Acme.Agents;

public static class Agents
{
    public static AIAgent Joker(string apiKey)
    {
        // expect: sdk-client openai-dotnet; agent microsoft-agent-framework-dotnet
        return new OpenAIClient(apiKey).GetChatClient("gpt-4o-mini").CreateAIAgent(name: "Joker", instructions: "Tell jokes.");
    }

    public static AIAgent Wrap(IChatClient chatClient)
    {
        // expect: agent microsoft-agent-framework-dotnet
        return new ChatClientAgent(chatClient, instructions: "You are helpful.", name: "Helper");
    }
}
