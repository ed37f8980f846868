using System.Net;
using System.Net.Http.Json;
using SentryMcp.Server.Tests.Chat;
using SentryMcp.Server.Tests.Mcp;

namespace SentryMcp.Server.Tests.Observability;

/// <summary>Low limits for the chat, MCP per user and client registration.</summary>
public sealed class LowLimitsChatFixture : ChatFixture
{
    protected override IDictionary<string, string?> ChatSettings
    {
        get
        {
            var settings = base.ChatSettings;
            settings["Chat:MessagesPerMinute"] = "1";
            settings["RateLimits:PerUserPerMinute"] = "3";
            settings["Auth:RegistrationsPerHourPerIp"] = "1";
            return settings;
        }
    }
}

public sealed class RateLimitTelemetryTests(LowLimitsChatFixture server) : IClassFixture<LowLimitsChatFixture>
{
    [Fact]
    public async Task Every_rate_limit_refusal_is_counted_with_the_limit_that_refused_it()
    {
        using var browser = await server.SignedInAsync();
        using var telemetry = new TelemetryCapture();

        // Chat: the first message takes the only permit (and is refused as malformed), the second is over the limit.
        await browser.PostRawAsync("api/chat", "{}");
        var chat = await browser.PostRawAsync("api/chat", "{}");
        // MCP per user.
        var mcp = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            mcp.Add((await ProtectionTests.PostJsonRpcAsync(server.Http, "mcp", """{"jsonrpc":"2.0","id":1,"method":"ping"}""")).StatusCode);
        }
        // Dynamic client registration per IP.
        var registrations = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            registrations.Add((await server.Http.PostAsJsonAsync("oauth/register", new { redirect_uris = new[] { "http://127.0.0.1:9999/callback" }, token_endpoint_auth_method = "none" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, chat.StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, mcp);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.TooManyRequests], registrations);
        var rejections = telemetry.Measurements("sentry_mcp.rate_limit.rejections");
        Assert.Equal(1, rejections.Where(r => r.Tag("limit") == "chat").Sum(r => r.Value));
        Assert.Equal(mcp.Count(s => s == HttpStatusCode.TooManyRequests), rejections.Where(r => r.Tag("limit") == "user").Sum(r => r.Value));
        Assert.Equal(1, rejections.Where(r => r.Tag("limit") == "registration").Sum(r => r.Value));
    }
}
