using System.IO.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SentryMcp.Stdio;

namespace SentryMcp.Core.Tests;

/// <summary>
/// Our stdio server's host (<see cref="StdioServerHost"/>, the one <c>sentry-mcp</c> runs) inside the
/// test process, its stdin and stdout a pipe pair: same flags, same services, same JSON-RPC lines
/// and transport, without starting a process. The child process itself is tested in SentryMcp.Stdio.Tests.
/// </summary>
public sealed class InProcessStdioServer : IAsyncDisposable
{
    private readonly Pipe _stdin = new();
    private readonly Pipe _stdout = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private int _disposed;

    /// <summary>What the client writes: the server's stdin.</summary>
    public Stream Input { get; }

    /// <summary>What the client reads: the server's stdout.</summary>
    public Stream Output { get; }

    /// <param name="arguments">The command line, as a child process would get it.</param>
    /// <param name="environment">
    /// Variables that override the test process's environment, as a child process would inherit it
    /// with these set on top (<c>Sentry__Client__AttemptTimeout</c> is the setting
    /// <c>Sentry:Client:AttemptTimeout</c>); a null value unsets a variable.
    /// </param>
    public InProcessStdioServer(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        string? Variable(string name) => environment.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);
        var options = StdioOptions.Parse([.. arguments], Variable, out var error, out var command);
        if (options is null || command != StdioCommand.Serve)
        {
            throw new ArgumentException($"The stdio server would not serve with these flags: {error ?? command.ToString()}", nameof(arguments));
        }
        var overrides = environment.Select(v => KeyValuePair.Create(v.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), v.Value));
        var host = StdioServerHost.Build(options, configuration =>
        {
            configuration.AddEnvironmentVariables();
            configuration.AddInMemoryCollection(overrides);
        }, _stdin.Reader.AsStream(), _stdout.Writer.AsStream());
        Input = _stdin.Writer.AsStream();
        Output = _stdout.Reader.AsStream();
        _run = RunAsync(host);
    }

    /// <summary>
    /// Runs until the session ends (the client closed stdin) or the server is disposed; then stdout
    /// closes, as it does when the process exits, so a client waiting on a server that failed to
    /// start sees end-of-stream instead of waiting out its timeout.
    /// </summary>
    private async Task RunAsync(IHost host)
    {
        try
        {
            await host.RunAsync(_stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            await _stdout.Writer.CompleteAsync();
        }
    }

    /// <summary>Closes stdin and stops the host; the fixture disposes every server, a test may dispose its own first.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stdin.Writer.CompleteAsync();
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        finally
        {
            await _stdout.Reader.CompleteAsync();
        }
        _stop.Dispose();
    }
}
