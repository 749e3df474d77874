using System.ComponentModel;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Acme.Chat;

public static class ChatClients
{
    public static IChatClient OpenAi(string key)
    {
        // expect: sdk-client openai-dotnet
        return new OpenAIClient(key).GetChatClient("gpt-4o-mini").AsIChatClient();
    }

    public static IChatClient Azure()
    {
        // expect: sdk-client azure-openai-dotnet; env-var azure-openai
        IChatClient inner = new AzureOpenAIClient(new Uri(Environment.GetEnvironmentVariable("AZURE_OPENAI_ENDPOINT")!), new DefaultAzureCredential())
            .GetChatClient("gpt-4o")
            .AsIChatClient();
        // expect: agent microsoft-extensions-ai
        return inner.AsBuilder().UseFunctionInvocation().Build();
    }

    public static async Task<string> AskAsync(IChatClient client)
    {
        // expect: tool microsoft-extensions-ai
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(GetWeather)] };
        var response = await client.GetResponseAsync("Weather in Paris?", options);
        return response.Text;
    }

    [Description("Gets the weather")]
    static string GetWeather(string city) => "sunny";

    public static void Register(IServiceCollection services)
    {
        // expect: sdk-client microsoft-extensions-ai
        services.AddChatClient(sp => sp.GetRequiredService<IChatClient>());
    }
}

// expect: sdk-client microsoft-extensions-ai
public sealed class EchoChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken ct = default)
        => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "echo")));
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken ct = default)
        => throw new NotSupportedException();
    public object? GetService(Type serviceType, object? key = null) => null;
    public void Dispose() { }
}
