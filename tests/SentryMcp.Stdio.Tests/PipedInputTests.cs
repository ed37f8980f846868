using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SentryMcp.Sandbox;

namespace SentryMcp.Stdio.Tests;

/// <summary>
/// <c>cat requests.jsonl | sentry-mcp …</c>: stdin reaches end-of-file while the requests are still being
/// handled. Every request read must be answered before the process exits.
/// </summary>
public sealed class PipedInputTests
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"pipe","version":"1"}}}""";
    private const string Initialized = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";

    private static async Task<(int ExitCode, List<JsonElement> Responses, string StdErr)> PipeAsync(Uri sandbox, string input)
    {
        var start = ServerPaths.Start([$"--access-token={SandboxOptions.DefaultToken}", $"--host={sandbox.Authority}", "--insecure-http"]);
        start.Environment["OPENAI_API_KEY"] = "";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Everything at once, then end-of-file: the server has not even started reading yet.
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        var responses = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        return (process.ExitCode, responses, await stderr);
    }

    private static string Call(int id, string tool) =>
        $$$$"""{"jsonrpc":"2.0","id":{{{{id}}}},"method":"tools/call","params":{"name":"{{{{tool}}}}","arguments":{}}}""";

    [Fact]
    public async Task Every_request_written_before_stdin_closes_is_answered_including_a_slow_one()
    {
        var (sandbox, baseUri) = await SandboxApp.StartAsync();
        await using var _ = sandbox;
        // whoami's Sentry call is held back, so it is still running when end-of-file arrives.
        sandbox.Services.GetRequiredService<FaultInjector>().Add(new FaultRule(FaultKind.Latency, "/api/0/auth/", Count: 1, DelayMs: 2000));
        string[] lines =
        [
            Initialize,
            Initialized,
            Call(2, "whoami"),
            """{"jsonrpc":"2.0","id":3,"method":"tools/list"}""",
            Call(4, "find_organizations"),
            """{"jsonrpc":"2.0","id":"five","method":"ping"}""",
            Call(6, "no_such_tool"),
        ];

        var (exitCode, responses, stderr) = await PipeAsync(baseUri, string.Join('\n', lines) + "\n");

        Assert.True(exitCode == 0, stderr);
        var byId = responses.ToDictionary(r => r.GetProperty("id").ToString());
        Assert.Equal(["1", "2", "3", "4", "6", "five"], byId.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Jane Doe", byId["2"].GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        Assert.True(byId["3"].GetProperty("result").GetProperty("tools").GetArrayLength() > 5);
        Assert.Contains("acme", byId["4"].GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        Assert.True(byId["five"].TryGetProperty("result", out var _));
        Assert.True(byId["6"].TryGetProperty("error", out var _) || byId["6"].GetProperty("result").GetProperty("isError").GetBoolean());
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":3,"method":"tools/li""", "3", -32700)] // cut off at end-of-file
    [InlineData("""{"jsonrpc":"2.0","id":"x","method":"tools/list","params":""", "\"x\"", -32700)]
    [InlineData("not json at all", "null", -32700)]
    [InlineData("""{"id":7,"hello":"world"}""", "7", -32600)]
    [InlineData("[1,2,3]", "null", -32600)]
    public async Task A_line_that_is_not_a_message_gets_a_json_rpc_error_and_the_rest_are_answered(string badLine, string id, int code)
    {
        var (sandbox, baseUri) = await SandboxApp.StartAsync();
        await using var _ = sandbox;
        // The bad line comes last and without a newline, as a request cut off by end-of-file would.
        var input = string.Join('\n', Initialize, Initialized, Call(2, "whoami")) + "\n" + badLine;

        var (exitCode, responses, stderr) = await PipeAsync(baseUri, input);

        Assert.True(exitCode == 0, stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
        Assert.Contains(responses, r => r.GetProperty("id").ToString() == "1" && r.TryGetProperty("result", out var _));
        Assert.Contains(responses, r => r.GetProperty("id").ToString() == "2" && r.TryGetProperty("result", out var _));
        var error = Assert.Single(responses, r => r.TryGetProperty("error", out var _));
        Assert.Equal(code, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(id, error.GetProperty("id").GetRawText());
    }
}
