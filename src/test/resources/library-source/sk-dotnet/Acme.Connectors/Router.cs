// unit: agent Acme.Connectors
using Microsoft.SemanticKernel;

var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o-mini", "key").Build();
