using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Server;

var builder = Host.CreateApplicationBuilder(args);
// expect: mcp-server mcp-dotnet
builder.Services.AddMcpServer().WithStdioServerTransport().WithToolsFromAssembly();
await builder.Build().RunAsync();

// expect: mcp-server mcp-dotnet
[McpServerToolType]
public static class WeatherTools
{
    // expect: tool mcp-dotnet
    [McpServerTool, Description("Gets the weather for a city.")]
    public static string Weather(string city) => $"sunny in {city}";
}
