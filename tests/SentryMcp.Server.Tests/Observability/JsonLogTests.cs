using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using ModelContextProtocol.Client;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.Server.Tests.Observability;

/// <summary>
/// The published server as a child process with <c>LOG_FORMAT=json</c>, its standard output read line
/// by line: exactly what a log shipper would receive from the real console formatter.
/// </summary>
public sealed class JsonLogTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"sentry-mcp-logs-{Guid.NewGuid():N}");
    private readonly ConcurrentQueue<string> _stdout = new();
    private WebApplication _sandbox = null!;
    private Uri _sandboxUri = null!;
    private Process? _server;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        (_sandbox, _sandboxUri) = await SandboxApp.StartAsync();
    }

    [Fact]
    public async Task With_LOG_FORMAT_json_every_line_is_JSON_and_lines_of_a_request_carry_its_trace_and_request_ids()
    {
        var baseUri = await StartServerAsync(new Dictionary<string, string>
        {
            ["LOG_FORMAT"] = "json",
            // The per-request lines an operator turns on to follow traffic.
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(baseUri, "mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Sentry-Bearer " + SandboxOptions.DefaultToken },
        });
        await using (var client = await McpClient.CreateAsync(transport))
        {
            // The first docs search builds the docs index, which logs (Information) inside the request.
            await client.CallToolAsync("search_docs", new Dictionary<string, object?> { ["query"] = "rate limits" });
        }
        var docsLine = await WaitForLineAsync(line => line.Contains("\"Category\":\"SentryMcp.Core.Docs.DocsIndex\"", StringComparison.Ordinal));
        await WaitForLineAsync(line => line.Contains("Request finished", StringComparison.Ordinal));
        StopServer();

        var lines = _stdout.Where(l => l.Length > 0).ToList();
        Assert.True(lines.Count >= 5, $"only {lines.Count} lines");
        var entries = lines.Select(line =>
        {
            try
            {
                return JsonDocument.Parse(line).RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new Xunit.Sdk.XunitException($"Not a JSON line ({ex.Message}): {line}");
            }
        }).ToList();
        Assert.All(entries, e => Assert.True(e.TryGetProperty("Timestamp", out _) && e.TryGetProperty("LogLevel", out _) && e.TryGetProperty("Category", out _), e.GetRawText()));

        var docs = JsonDocument.Parse(docsLine).RootElement;
        var traceId = Scope(docs, "TraceId");
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.Matches("^[0-9a-f]{16}$", Scope(docs, "SpanId"));
        Assert.False(string.IsNullOrEmpty(Scope(docs, "RequestId")));
        Assert.Equal("/mcp", Scope(docs, "RequestPath"));
        var requestLines = entries.Where(e => e.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics").ToList();
        Assert.NotEmpty(requestLines);
        Assert.All(requestLines, e => Assert.Matches("^[0-9a-f]{32}$", Scope(e, "TraceId")));
        Assert.Contains(requestLines, e => Scope(e, "TraceId") == traceId && Scope(e, "RequestId") == Scope(docs, "RequestId"));
        Assert.DoesNotContain(lines, l => l.Contains(SandboxOptions.DefaultToken, StringComparison.Ordinal) || l.Contains("Sentry-Bearer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_embedded_sandbox_writes_JSON_lines_too()
    {
        await StartServerAsync(new Dictionary<string, string> { ["LOG_FORMAT"] = "json" }, embeddedSandbox: true);
        await WaitForLineAsync(line => line.Contains("built-in Sentry sandbox", StringComparison.Ordinal));
        await WaitForLineAsync(line => line.Contains("Now listening on", StringComparison.Ordinal));
        StopServer();

        var lines = _stdout.Where(l => l.Length > 0).ToList();
        // The embedded sandbox's loopback port is not announced: only the server says where it listens.
        Assert.Single(lines, l => l.Contains("Now listening on", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
    }

    [Fact]
    public async Task An_unknown_LOG_FORMAT_stops_the_start_with_a_message_that_names_the_choices()
    {
        var exit = await RunToExitAsync(new Dictionary<string, string> { ["LOG_FORMAT"] = "xml" });

        Assert.NotEqual(0, exit);
        Assert.Contains(_stdout, l => l.Contains("LOG_FORMAT 'xml' is not known: use 'json'", StringComparison.Ordinal));
    }

    /// <summary>The value of a scope property (TraceId, RequestId, …) of a JSON log entry.</summary>
    private static string? Scope(JsonElement entry, string name) =>
        entry.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out _))
                .Select(s => s.GetProperty(name).ToString()).FirstOrDefault()
            : null;

    private ProcessStartInfo StartInfo(IDictionary<string, string> environment, bool embeddedSandbox = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "SentryMcp.Server.dll"), "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }
        // Nothing from the machine that runs the tests may change what the server does.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("SENTRY", StringComparison.Ordinal) || k.StartsWith("OPENAI", StringComparison.Ordinal) ||
            k.StartsWith("OTEL", StringComparison.Ordinal) || k.StartsWith("Logging__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) ||
            k is "LOG_FORMAT" or "DATABASE_URL" or "REDIS_URL" or "PUBLIC_URL").ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (!embeddedSandbox)
        {
            start.Environment["SENTRY_HOST"] = _sandboxUri.ToString().TrimEnd('/');
            start.Environment["SENTRY_DOCS_URL"] = _sandboxUri.ToString().TrimEnd('/');
        }
        start.Environment["ConnectionStrings__Database"] = $"Data Source={Path.Combine(_directory, "server.db")}";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    /// <summary>Starts the server; returns the first address a "Now listening" line names (the server's, with an external sandbox).</summary>
    private async Task<Uri> StartServerAsync(IDictionary<string, string> environment, bool embeddedSandbox = false)
    {
        _server = Process.Start(StartInfo(environment, embeddedSandbox))!;
        _server.OutputDataReceived += (_, e) => Collect(e.Data);
        _server.ErrorDataReceived += (_, e) => Collect(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        var listening = await WaitForLineAsync(line => line.Contains("Now listening on", StringComparison.Ordinal));
        var address = JsonDocument.Parse(listening).RootElement.GetProperty("State").GetProperty("address").GetString()!;
        return new Uri(address.TrimEnd('/') + "/");
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _stdout.Enqueue(line);
        }
    }

    private async Task<int> RunToExitAsync(IDictionary<string, string> environment)
    {
        using var process = Process.Start(StartInfo(environment))!;
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    private async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        string? line = null;
        // Stops waiting when the server has exited: no line can come any more.
        await Eventually.UntilAsync(() => (line = _stdout.FirstOrDefault(match)) is not null || _server is { HasExited: true },
            TimeSpan.FromSeconds(60), () => "The expected log line never came. Output:\n" + string.Join("\n", _stdout));
        return line ?? throw new Xunit.Sdk.XunitException("The server exited before the expected log line. Output:\n" + string.Join("\n", _stdout));
    }

    private void StopServer()
    {
        if (_server is { HasExited: false } server)
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(10_000);
        }
    }

    public async Task DisposeAsync()
    {
        StopServer();
        _server?.Dispose();
        await _sandbox.StopAsync();
        await _sandbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The killed process may still hold the database for a moment; the temp folder is cleaned by the OS.
        }
    }
}
