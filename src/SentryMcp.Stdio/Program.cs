using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using SentryMcp.Core;
using SentryMcp.Core.Api;
using SentryMcp.Core.Hosting;
using SentryMcp.Core.Tools;
using SentryMcp.Stdio;

var options = StdioOptions.Parse(args, Environment.GetEnvironmentVariable, out var error, out var command);
if (command != StdioCommand.Serve)
{
    Console.Out.WriteLine(command == StdioCommand.Version ? SentryMcpServerSetup.Version : StdioOptions.Usage);
    return 0;
}
if (options is null)
{
    Console.Error.WriteLine($"sentry-mcp: {error}");
    Console.Error.WriteLine("Run 'sentry-mcp --help' for usage.");
    return 2;
}

// Configuration comes from the environment only: argv is ours, and stdout belongs to JSON-RPC.
var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
builder.Configuration.AddEnvironmentVariables();
// Flags win over their variables (--openai-base-url over OPENAI_BASE_URL, ...).
builder.Configuration.AddInMemoryCollection(options.Settings);
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("SentryMcp", LogLevel.Information);

builder.Services.AddSentryMcpCore();
builder.Services.AddScoped(sp => new SentryToolContext(
    sp.GetRequiredService<SentryApiClientFactory>().Create(options.Host, options.AccessToken), options.Constraints));
builder.Services.AddMcpServer().WithStdioServerTransport();
// Our transport instead of the SDK's: it still answers what was read when stdin ends (DrainingStdioTransport).
builder.Services.Replace(ServiceDescriptor.Singleton<ITransport>(sp => new DrainingStdioTransport(
    Console.OpenStandardInput(), Console.OpenStandardOutput(), sp.GetRequiredService<ILoggerFactory>())));
builder.Services.AddOptions<ModelContextProtocol.Server.McpServerOptions>()
    .Configure<SentryToolCatalog>((mcp, tools) => SentryMcpServerSetup.Apply(mcp, tools,
        SentryMcpServerSetup.SelectionFor(options.Constraints, ToolSelection.AllGroups) with { Skills = options.Skills, Surface = options.Surface }));

await builder.Build().RunAsync();
return 0;
