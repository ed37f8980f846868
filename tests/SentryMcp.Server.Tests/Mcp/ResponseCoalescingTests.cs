using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using SentryMcp.Sandbox;
using SentryMcp.Server.Tests.Auth;

namespace SentryMcp.Server.Tests.Mcp;

/// <summary>
/// POST /mcp answers are coalesced: a quick call leaves the server in one piece (headers, SSE event
/// and closing chunk together) instead of three sends, while a slow call still gets its headers
/// early and its result when it is ready.
/// </summary>
public sealed class ResponseCoalescingTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    private const string Call = """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"whoami","arguments":{}}}""";

    [Fact]
    public async Task A_quick_tool_call_arrives_whole_in_the_first_read()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server.BaseUri.Host == "localhost" ? "127.0.0.1" : server.BaseUri.Host, server.BaseUri.Port);
        var request = Encoding.ASCII.GetBytes(
            $"POST /mcp HTTP/1.1\r\nHost: {server.BaseUri.Authority}\r\nContent-Type: application/json\r\n" +
            $"Accept: application/json, text/event-stream\r\nAuthorization: Sentry-Bearer {SandboxOptions.DefaultToken}\r\n" +
            $"MCP-Protocol-Version: 2025-11-25\r\nContent-Length: {Encoding.UTF8.GetByteCount(Call)}\r\n\r\n{Call}");
        var buffer = new byte[64 * 1024];

        // Without coalescing the SDK sends the headers before the tool even runs, so a first read
        // never holds the whole answer. With it, most calls (all on an idle machine) do; a call that
        // outlasts the flush delay on a loaded machine is sent in parts, as before.
        var whole = 0;
        const int Calls = 20;
        for (var i = 0; i < Calls; i++)
        {
            await socket.SendAsync(request);
            var first = Encoding.ASCII.GetString(buffer, 0, await socket.ReceiveAsync(buffer));
            var answer = first;
            while (!answer.EndsWith("0\r\n\r\n", StringComparison.Ordinal))
            {
                answer += Encoding.ASCII.GetString(buffer, 0, await socket.ReceiveAsync(buffer));
            }
            Assert.StartsWith("HTTP/1.1 200", answer);
            Assert.Contains("Jane Doe", answer);
            if (first.EndsWith("0\r\n\r\n", StringComparison.Ordinal))
            {
                whole++;
            }
        }
        Assert.True(whole >= Calls / 4, $"only {whole} of {Calls} answers arrived in one piece");
    }

    [Fact]
    public async Task A_slow_tool_call_gets_its_headers_long_before_its_result()
    {
        await using (var warm = await server.ConnectAsync())
        {
            await warm.CallToolAsync("whoami"); // the Sentry token is validated and cached now
        }
        await server.AddSandboxFaultAsync(new FaultRule(FaultKind.Latency, "/api/0/auth/", Count: 1, DelayMs: 1500));
        using var request = new HttpRequestMessage(HttpMethod.Post, "mcp") { Content = new StringContent(Call, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        request.Headers.TryAddWithoutValidation("Authorization", $"Sentry-Bearer {SandboxOptions.DefaultToken}");
        request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", "2025-11-25");
        var clock = Stopwatch.StartNew();

        using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var headersAt = clock.Elapsed;
        var body = await response.Content.ReadAsStringAsync();
        var bodyAt = clock.Elapsed;
        await server.SandboxHttp.DeleteAsync("/__sandbox/faults");

        Assert.Contains("Jane Doe", body);
        Assert.True(bodyAt >= TimeSpan.FromMilliseconds(1400), $"result after {bodyAt.TotalMilliseconds:0} ms");
        Assert.True(bodyAt - headersAt >= TimeSpan.FromMilliseconds(700), $"headers at {headersAt.TotalMilliseconds:0} ms, result at {bodyAt.TotalMilliseconds:0} ms");
    }
}
