using OpenAI.Chat;
using OpenAI.Embeddings;

// expect: sdk-client openai-dotnet; env-var openai
ChatClient client = new(model: "gpt-4o", apiKey: Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
ChatCompletion completion = await client.CompleteChatAsync("Say 'this is a test.'");
Console.WriteLine(completion.Content[0].Text);

// expect: sdk-client openai-dotnet
var embeddings = new EmbeddingClient("text-embedding-3-small", Environment.GetEnvironmentVariable("EMBEDDINGS_KEY"));
// expect: ai-endpoint openai
var endpoint = new Uri("https://api.openai.com/v1");
var verbatim = @"not a host: api-openai-com";
