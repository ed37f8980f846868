using System.Text;
using SentryMcp.Sandbox;

namespace SentryMcp.Server.Tests.Mcp;

public sealed class FastKeepAliveFixture : ServerFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sse:KeepAliveInterval"] = "00:00:00.200" };
}

public sealed class SseKeepAliveTests(FastKeepAliveFixture server) : IClassFixture<FastKeepAliveFixture>
{
    [Fact]
    public async Task An_idle_sse_stream_announces_its_endpoint_then_receives_keep_alive_comments()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "sse");
        request.Headers.TryAddWithoutValidation("Authorization", "Sentry-Bearer " + SandboxOptions.DefaultToken);
        using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var received = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        while (!received.ToString().Contains(": ping", StringComparison.Ordinal) && !timeout.IsCancellationRequested)
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        var text = received.ToString();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("event: endpoint", text);
        Assert.Contains("/sse/message?sessionId=", text);
        Assert.Contains(": ping\n\n", text);
    }
}
