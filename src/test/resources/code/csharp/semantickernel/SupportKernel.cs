using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Agents;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Acme.Support;

public static class SupportKernel
{
    public static Kernel Build(string apiKey)
    {
        // expect: sdk-client semantic-kernel-dotnet
        var kernel = Kernel.CreateBuilder()
            .AddOpenAIChatCompletion("gpt-4o", apiKey)
            .Build();
        // expect: tool semantic-kernel-dotnet
        kernel.Plugins.AddFromType<BillingPlugin>("Billing");
        return kernel;
    }

    public static Kernel BuildAzure()
    {
        IKernelBuilder builder = Kernel.CreateBuilder();
        // expect: sdk-client semantic-kernel-dotnet; env-var azure-openai; ai-endpoint azure-openai
        builder.AddAzureOpenAIChatCompletion(deploymentName: "support-gpt4o", endpoint: "https://acme.openai.azure.com/", apiKey: Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY")!);
        // expect: sdk-client semantic-kernel-dotnet
        builder.AddOllamaChatCompletion("llama3.1", new Uri("http://localhost:11434"));
        return builder.Build();
    }

    public static void Register(IServiceCollection services)
    {
        // expect: sdk-client semantic-kernel-dotnet
        services.AddOpenAIChatCompletion(modelId: "gpt-4o-mini", apiKey: "unused");
        services.AddKernel();
    }

    public static ChatCompletionAgent Agent(Kernel kernel)
    {
        // expect: agent semantic-kernel-dotnet
        ChatCompletionAgent agent = new()
        {
            Name = "Billing",
            Instructions = "Answer billing questions.",
            Kernel = kernel,
            Arguments = new KernelArguments(new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }),
        };
        return agent;
    }

    public static IChatCompletionService Direct(string key)
    {
        // expect: sdk-client semantic-kernel-dotnet
        return new OpenAIChatCompletionService("gpt-4o", key);
    }
}

public sealed class BillingPlugin
{
    // expect: tool semantic-kernel-dotnet
    [KernelFunction("refund"), Description("Refund an invoice")]
    public string Refund([Description("The invoice")] string invoiceId) => $"refunded {invoiceId}";

    [Description("Not a kernel function: only described")]
    public string Total(string invoiceId) => "42";
}
