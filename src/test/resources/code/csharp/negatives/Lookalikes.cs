// A chat application with no AI: its own ChatClient, Kernel and Agent types, SignalR, and comments and strings
// that only mention OpenAI, Semantic Kernel and Kernel.CreateBuilder().AddOpenAIChatCompletion(...).
using System.ComponentModel;
using Microsoft.AspNetCore.SignalR.Client;

namespace Acme.Chat.Lookalikes;

public sealed class ChatClient
{
    private readonly HubConnection _hub;

    public ChatClient(string url) => _hub = new HubConnectionBuilder().WithUrl(url).Build();

    [Description("Sends a message")]
    public Task SendAsync(string text) => _hub.InvokeAsync("Send", text);
}

public sealed class Kernel
{
    public static Kernel CreateBuilder() => new();
    public Kernel AddOpenAIChatCompletion(string model, string key) => this;
    public Kernel Build() => this;
}

public sealed class Agent
{
    public string Describe() => "using OpenAI; new OpenAIClient(key) is only text here";

    public void Run()
    {
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
        var client = new ChatClient("https://chat.example.com/hub");
        /* new AzureOpenAIClient(endpoint, credential) in a comment */
        var note = "OPENAI_API_KEY is documented in the README"; // a sentence, not a variable name
    }
}
