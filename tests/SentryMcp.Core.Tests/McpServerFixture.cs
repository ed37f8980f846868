using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests;

/// <summary>
/// A sandbox on a loopback port and our stdio server's host in-process (<see cref="InProcessStdioServer"/>,
/// stdin and stdout a pipe pair), driven by the SDK's real MCP client over real Sentry HTTP. One per
/// test class: each class gets its own world, so writes and faults stay local.
/// </summary>
public class McpServerFixture : IAsyncLifetime
{
    private WebApplication? _sandbox;
    private readonly System.Collections.Concurrent.ConcurrentBag<InProcessStdioServer> _servers = [];

    public Uri SandboxUri { get; private set; } = null!;
    public HttpClient Sandbox { get; private set; } = null!;
    public McpClient Client { get; private set; } = null!;

    /// <summary>
    /// Extra command-line flags for the stdio server (constraints, say). By default every tool is
    /// listed (<c>--all-tools</c>) so tests call each one directly; the default surface with its
    /// gateway has its own tests.
    /// </summary>
    protected virtual IEnumerable<string> ServerArguments => ["--all-tools"];

    protected virtual string AccessToken => SandboxOptions.DefaultToken;

    /// <summary>How long one Sentry request may take before it is abandoned (and, for GETs, retried).</summary>
    protected virtual string AttemptTimeout => "00:00:20";

    /// <summary>How long one Sentry call may take across its retries.</summary>
    protected virtual string TotalTimeout => "00:01:00";

    public async Task InitializeAsync()
    {
        (_sandbox, SandboxUri) = await SandboxApp.StartAsync();
        Sandbox = new HttpClient { BaseAddress = SandboxUri };
        Client = await StartClientAsync(ServerArguments, AccessToken);
    }

    /// <summary>
    /// Starts another stdio server against this fixture's sandbox, with <paramref name="extraArguments"/>
    /// on its command line; <paramref name="environment"/> overrides variables (settings) as for a child
    /// process, <paramref name="clientOptions"/> sets the client's protocol version and handlers.
    /// </summary>
    public async Task<McpClient> StartClientAsync(IEnumerable<string> extraArguments, string accessToken, IReadOnlyDictionary<string, string?>? environment = null, McpClientOptions? clientOptions = null)
    {
        var server = StartServer(extraArguments, accessToken, environment);
        var transport = new StreamClientTransport(server.Input, server.Output);
        // A cold server start on a busy machine can exceed the SDK's 5 s server/discover probe; the
        // client then falls back to initialize while the server has already switched protocols.
        clientOptions ??= new McpClientOptions();
        clientOptions.DiscoverProbeTimeout = TimeSpan.FromSeconds(30);
        return await McpClient.CreateAsync(transport, clientOptions);
    }

    /// <summary>
    /// Starts another stdio server against this fixture's sandbox without a client, for tests that
    /// write JSON-RPC lines themselves; stopped with the fixture.
    /// </summary>
    public InProcessStdioServer StartServer(IEnumerable<string> extraArguments, string accessToken, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var variables = new Dictionary<string, string?>
        {
            // Production's attempt and total timeouts unless a fixture needs short ones (fault tests):
            // a POST is never retried, so on a loaded machine a cold first call must have room.
            ["Sentry__Client__AttemptTimeout"] = AttemptTimeout,
            ["Sentry__Client__TotalTimeout"] = TotalTimeout,
            ["Sentry__Client__RetryBaseDelay"] = "00:00:00.050",
            ["Sentry__Client__MaxRetryDelay"] = "00:00:02",
            ["SENTRY_DOCS_URL"] = SandboxUri.ToString().TrimEnd('/'),
            ["Seer__PollInterval"] = "00:00:00.100",
            // No language model unless a test configures one: a developer's own key must not leak in.
            ["OPENAI_API_KEY"] = "",
            ["OPENAI_BASE_URL"] = "",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }
        var server = new InProcessStdioServer(
            [$"--access-token={accessToken}", $"--host={SandboxUri.Authority}", "--insecure-http", .. extraArguments], variables);
        _servers.Add(server);
        return server;
    }

    /// <summary>
    /// Calls a tool and returns its text and error flag. Every answer that carries
    /// <c>structuredContent</c> is checked against the tool's <c>outputSchema</c>, and a tool that
    /// declares a schema must fill it on success.
    /// </summary>
    public async Task<ToolOutput> CallAsync(string tool, object? arguments = null, McpClient? client = null)
    {
        var args = arguments is null
            ? new Dictionary<string, object?>()
            : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!;
        client ??= Client;
        var result = await client.CallToolAsync(tool, args);
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
        await OutputSchemas.AssertConformsAsync(client, tool, result);
        return new ToolOutput(text, result.IsError == true, result);
    }

    public async Task AddFaultAsync(FaultRule rule) =>
        (await Sandbox.PostAsJsonAsync("/__sandbox/faults", rule, SandboxJson)).EnsureSuccessStatusCode();

    public async Task<IReadOnlyList<RecordedRequest>> RequestsAsync() =>
        (await Sandbox.GetFromJsonAsync<List<RecordedRequest>>("/__sandbox/requests", SandboxJson))!;

    public async Task<IReadOnlyList<RecordedRequest>> AbortedRequestsAsync() =>
        (await Sandbox.GetFromJsonAsync<List<RecordedRequest>>("/__sandbox/requests/aborted", SandboxJson))!;

    public async Task ResetAsync() => (await Sandbox.PostAsync("/__sandbox/reset", null)).EnsureSuccessStatusCode();

    public static readonly JsonSerializerOptions SandboxJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
        Sandbox?.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.StopAsync();
            await _sandbox.DisposeAsync();
        }
    }
}

public sealed record ToolOutput(string Text, bool IsError, CallToolResult Raw);
