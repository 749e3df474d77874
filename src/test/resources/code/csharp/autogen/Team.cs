using AutoGen.Core;
using AutoGen.OpenAI;
using AutoGen.OpenAI.Extension;
using OpenAI;

namespace Acme.Team;

public partial class Tools
{
    // expect: tool autogen-dotnet
    [Function]
    public async Task<string> GetWeather(string city) => $"sunny in {city}";
}

public static class Team
{
    public static async Task RunAsync(string key)
    {
        // expect: sdk-client openai-dotnet
        var openAIClient = new OpenAIClient(key);
        // expect: agent autogen-dotnet; sdk-client openai-dotnet
        var assistant = new OpenAIChatAgent(chatClient: openAIClient.GetChatClient("gpt-4o"), name: "assistant", systemMessage: "You are helpful.")
            .RegisterMessageConnector()
            .RegisterPrintMessage();
        // expect: agent autogen-dotnet
        var user = new UserProxyAgent(name: "user", humanInputMode: HumanInputMode.ALWAYS);
        await user.InitiateChatAsync(assistant, "Hi", maxRound: 3);
    }
}
