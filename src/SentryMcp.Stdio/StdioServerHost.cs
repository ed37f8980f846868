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

namespace SentryMcp.Stdio;

/// <summary>
/// The stdio server's host: configuration, services, tool selection and transport. Program runs it on
/// the process's stdin/stdout; the tool tests run the same host in-process on a pipe pair.
/// </summary>
internal static class StdioServerHost
{
    /// <param name="options">The parsed flags.</param>
    /// <param name="addEnvironment">Adds the environment's configuration (the process's variables in production).</param>
    /// <param name="input">Where JSON-RPC lines come from (stdin).</param>
    /// <param name="output">Where JSON-RPC lines go (stdout).</param>
    /// <param name="addLogging">Adds log providers (stderr in production).</param>
    public static IHost Build(StdioOptions options, Action<IConfigurationBuilder> addEnvironment, Stream input, Stream output, Action<ILoggingBuilder>? addLogging = null)
    {
        // Configuration comes from the environment only: argv is ours, and stdout belongs to JSON-RPC.
        StartupTrace.Mark("host builder");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        addEnvironment(builder.Configuration);
        // Flags win over their variables (--openai-base-url over OPENAI_BASE_URL, ...).
        builder.Configuration.AddInMemoryCollection(options.Settings);
        addLogging?.Invoke(builder.Logging);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("SentryMcp", LogLevel.Information);

        builder.Services.AddSentryMcpCore();
        builder.Services.AddScoped(sp => new SentryToolContext(
            sp.GetRequiredService<SentryApiClientFactory>().Create(options.Host, options.AccessToken), options.Constraints));
        builder.Services.AddMcpServer().WithStdioServerTransport();
        // Our transport instead of the SDK's: it still answers what was read when stdin ends (DrainingStdioTransport).
        builder.Services.Replace(ServiceDescriptor.Singleton<ITransport>(sp =>
        {
            StartupTrace.Mark("transport");
            return new DrainingStdioTransport(input, output, sp.GetRequiredService<ILoggerFactory>());
        }));
        builder.Services.AddOptions<ModelContextProtocol.Server.McpServerOptions>()
            .Configure<SentryToolCatalog>((mcp, tools) =>
            {
                StartupTrace.Mark("server options");
                SentryMcpServerSetup.Apply(mcp, tools,
                    SentryMcpServerSetup.SelectionFor(options.Constraints, ToolSelection.AllGroups) with { Skills = options.Skills, Surface = options.Surface },
                    deferTools: true);
                StartupTrace.Mark("server options: done");
            });
        StartupTrace.Mark("services registered");
        return builder.Build();
    }
}
