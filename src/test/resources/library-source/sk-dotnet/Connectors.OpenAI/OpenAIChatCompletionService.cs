// unit: library Connectors.OpenAI (semantic-kernel-dotnet)
using Microsoft.SemanticKernel;
using OpenAI;

namespace Microsoft.SemanticKernel.Connectors.OpenAI;

public sealed class OpenAIChatCompletionService
{
    private readonly OpenAIClient client = new OpenAIClient("key-from-caller");
}
