using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Agents;
using Microsoft.SemanticKernel.Agents.Chat;
using Microsoft.SemanticKernel.Agents.OpenAI;
using Microsoft.SemanticKernel.Agents.Orchestration.Sequential;
using Microsoft.SemanticKernel.Connectors.Qdrant;
using Microsoft.SemanticKernel.Plugins.Core;
using Qdrant.Client;

namespace Acme.Writers;

internal sealed class Writers
{
    public async Task RunAsync(Kernel kernel, ChatCompletionAgent writer, ChatCompletionAgent reviewer)
    {
        // expect: agent semantic-kernel-dotnet
        AgentGroupChat chat = new(writer, reviewer)
        {
            ExecutionSettings = new() { TerminationStrategy = new ApprovalTerminationStrategy() },
        };
        // expect: agent semantic-kernel-dotnet
        var pipeline = new SequentialOrchestration(writer, reviewer);
        // expect: tool semantic-kernel-dotnet
        kernel.ImportPluginFromType<TimePlugin>();
        // expect: tool semantic-kernel-dotnet
        var files = new FileIOPlugin();
        // expect: tool semantic-kernel-dotnet
        kernel.Plugins.AddFromObject(files, "files");
        // expect: vector-store semantic-kernel-dotnet; vector-store qdrant-dotnet
        var store = new QdrantVectorStore(new QdrantClient("localhost"), ownsClient: true);
        await Task.CompletedTask;
    }
}
