// unit: agent Acme.Kernel.Bot
using Microsoft.SemanticKernel;

var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
