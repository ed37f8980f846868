using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SentryMcp.Core.Hosting;
using SentryMcp.Stdio;

StartupTrace.Mark("main");
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

// The host is built in StdioServerHost, shared with the in-process tool tests; here it gets the
// process's environment, stdin/stdout and stderr logging.
StartupTrace.Mark("options parsed");
var host = StdioServerHost.Build(options, configuration => configuration.AddEnvironmentVariables(),
    Console.OpenStandardInput(), Console.OpenStandardOutput(),
    logging => logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
StartupTrace.Mark("host built");
if (StartupTrace.Enabled)
{
    host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => StartupTrace.Mark("host started"));
}
try
{
    await host.RunAsync();
}
catch (Exception failure) when (OptionsProblems.Of(failure) is { Count: > 0 } problems)
{
    Console.Error.WriteLine($"sentry-mcp: {OptionsProblems.Report(problems)}");
    return 2;
}
return 0;
