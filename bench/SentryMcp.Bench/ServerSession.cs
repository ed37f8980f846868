using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace SentryMcp.Bench;

/// <summary>One running server process with an MCP client attached.</summary>
public sealed class ServerSession : IAsyncDisposable
{
    public const string Gateway = "execute_sentry_tool";

    private readonly Queue<string> _stderrTail = new();

    private ServerSession(ServerUnderTest server) => Server = server;

    public ServerUnderTest Server { get; }
    public McpClient Client { get; private set; } = null!;
    public int Pid { get; private set; }
    public TimeSpan StartupTime { get; private set; }
    public IReadOnlySet<string> ToolNames { get; private set; } = new HashSet<string>();

    public string StderrTail
    {
        get
        {
            lock (_stderrTail)
            {
                return string.Join("\n", _stderrTail);
            }
        }
    }

    /// <summary>Spawns the server and times spawn → initialize answered.</summary>
    /// <summary>
    /// The newest MCP version both servers speak. Pinned so that both get the same protocol: left to
    /// negotiate, the C# SDK would choose a newer one with our server than the official server knows.
    /// </summary>
    public const string ProtocolVersion = "2025-11-25";

    public static async Task<ServerSession> StartAsync(ServerUnderTest server, CancellationToken ct)
    {
        var session = new ServerSession(server);
        var self = Environment.ProcessId;
        var before = ProcFs.ChildrenOf(self);
        var clock = Stopwatch.StartNew();
        session.Client = await McpClient.CreateAsync(
            server.CreateTransport(session.OnStandardError),
            new McpClientOptions
            {
                ClientInfo = new Implementation { Name = "sentry-mcp-bench", Version = "1.0" },
                ProtocolVersion = ProtocolVersion,
            },
            cancellationToken: ct).ConfigureAwait(false);
        session.StartupTime = clock.Elapsed;
        var spawned = ProcFs.ChildrenOf(self).Except(before).ToList();
        session.Pid = spawned.Count == 1
            ? spawned[0]
            : throw new InvalidOperationException($"Expected one new child process for {server.Label}, found {spawned.Count}.");
        return session;
    }

    public async Task LoadToolsAsync(CancellationToken ct) =>
        ToolNames = (await Client.ListToolsAsync(cancellationToken: ct).ConfigureAwait(false)).Select(t => t.Name).ToHashSet();

    /// <summary>How this server reaches a tool: directly, through its catalog gateway, or not at all.</summary>
    public ToolRoute RouteFor(string tool) =>
        ToolNames.Contains(tool) ? ToolRoute.Direct
        : ToolNames.Contains(Gateway) ? ToolRoute.Gateway
        : ToolRoute.Missing;

    public async Task<CallResult> CallAsync(PlannedCall call, ToolRoute route, CancellationToken ct)
    {
        var (name, arguments) = route == ToolRoute.Gateway
            ? (Gateway, new Dictionary<string, object?> { ["name"] = JsonSerializer.SerializeToElement(call.Tool), ["arguments"] = call.ArgumentsObject })
            : (call.Tool, call.Arguments);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await Client.CallToolAsync(name, arguments, cancellationToken: ct).ConfigureAwait(false);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
            return new CallResult(elapsed, result.IsError == true, text);
        }
        catch (Exception e) when (e is ModelContextProtocol.McpException or IOException or TimeoutException)
        {
            return new CallResult(clock.Elapsed.TotalMilliseconds, true, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private void OnStandardError(string line)
    {
        lock (_stderrTail)
        {
            _stderrTail.Enqueue(line);
            while (_stderrTail.Count > 20)
            {
                _stderrTail.Dequeue();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync().ConfigureAwait(false);
        }
    }
}

public enum ToolRoute { Direct, Gateway, Missing }

public sealed record CallResult(double Milliseconds, bool IsError, string Text);
