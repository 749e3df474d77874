using Amazon.BedrockRuntime;
using Anthropic.SDK;
using Google.GenAI;
using Mistral.SDK;
using OllamaSharp;
using Pinecone;

namespace Acme.Models;

public static class Models
{
    public static void Create()
    {
        // expect: sdk-client anthropic-dotnet; env-var anthropic
        var claude = new AnthropicClient(Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY"));
        // expect: sdk-client google-genai-dotnet
        var gemini = new Client(apiKey: "from-config");
        // expect: sdk-client bedrock-dotnet
        var bedrock = new AmazonBedrockRuntimeClient(Amazon.RegionEndpoint.USEast1);
        // expect: sdk-client mistral-dotnet
        var mistral = new MistralClient();
        // expect: sdk-client ollama-dotnet
        var ollama = new OllamaApiClient(new Uri("http://localhost:11434"), "llama3.1");
        // expect: vector-store pinecone-dotnet
        var pinecone = new PineconeClient("pc-key");
    }
}
