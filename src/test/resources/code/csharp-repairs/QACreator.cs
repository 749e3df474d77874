// Valid C# (the compiler accepts it) that tree-sitter-c-sharp 0.23 fails: an #if group splitting an argument list
// and an if head (tree-sitter/tree-sitter-c-sharp#376, #377), and a verbatim interpolated string whose text after a
// hole is only escaped quotes (#368), and an empty interpolated string. Every shape must read cleanly.
using System;
using System.IO;
using System.Threading.Tasks;
using OpenAI.Chat;

public static class QACreator
{
    public static async Task WriteAsync(Stream stream, byte[] text, string question)
    {
        await stream.WriteAsync(text
#if !NET
            , 0, text.Length
#endif
            ).ConfigureAwait(false);
        string prompt = $@"Question: ""{question}""";
        string answer = @$"Answer: ""{question}""""";
        string empty = $"";
        // expect: sdk-client openai-dotnet; env-var openai
        ChatClient client = new(model: "gpt-4o", apiKey: Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
#if NET
        if (prompt.Length > 0 && answer.Length > 0)
#else
        if (prompt.Length > 1)
#endif
        {
            await client.CompleteChatAsync(prompt + "#if NET" + @"
#else
");
        }
    }
}
