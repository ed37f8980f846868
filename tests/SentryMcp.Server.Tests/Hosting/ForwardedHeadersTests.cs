using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SentryMcp.Server.Tests.Hosting;

/// <summary>No PUBLIC_URL; the default trust (a proxy on loopback) and a small per-IP budget.</summary>
public sealed class LoopbackProxyFixture : ServerFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:PerIpPerMinute"] = "2",
    };
}

/// <summary>The only trusted proxy is elsewhere, so this machine's requests are clients, not a proxy.</summary>
public sealed class RemoteProxyFixture : ServerFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies:0"] = "198.51.100.10",
    };
}

public static class Forwarded
{
    public static HttpRequestMessage Request(HttpMethod method, string path, string? proto = null, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (proto is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", proto);
        }
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return request;
    }
}

public sealed class TrustedProxyTests(LoopbackProxyFixture server) : IClassFixture<LoopbackProxyFixture>
{
    [Fact]
    public async Task Without_a_public_url_the_issuer_follows_the_scheme_a_trusted_proxy_reports()
    {
        var resource = await (await server.Http.SendAsync(Forwarded.Request(HttpMethod.Get, ".well-known/oauth-protected-resource/mcp", "https")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var issuer = resource.GetProperty("authorization_servers")[0].GetString()!;
        Assert.Equal($"https://{server.BaseUri.Authority}/", issuer);

        using var response = await server.Http.SendAsync(Forwarded.Request(HttpMethod.Get, ".well-known/oauth-authorization-server", "https"));
        var metadata = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(issuer, metadata.GetProperty("issuer").GetString());
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Each_client_behind_a_trusted_proxy_has_its_own_rate_limit()
    {
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await server.Http.SendAsync(Forwarded.Request(HttpMethod.Post, "mcp", forwardedFor: "203.0.113.1"));
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }
        using var limited = await server.Http.SendAsync(Forwarded.Request(HttpMethod.Post, "mcp", forwardedFor: "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        using var other = await server.Http.SendAsync(Forwarded.Request(HttpMethod.Post, "mcp", forwardedFor: "203.0.113.2"));
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }
}

public sealed class UntrustedProxyTests(RemoteProxyFixture server) : IClassFixture<RemoteProxyFixture>
{
    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_trusted_proxy_change_nothing()
    {
        using var response = await server.Http.SendAsync(Forwarded.Request(HttpMethod.Get, ".well-known/oauth-authorization-server", "https", "203.0.113.9"));
        var metadata = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(server.BaseUri.ToString(), metadata.GetProperty("issuer").GetString());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

public sealed class ProxySettingsTests
{
    [Theory]
    [InlineData("PUBLIC_URL", "https://mcp.example.com/sentry", "no path")]
    [InlineData("PUBLIC_URL", "ftp://mcp.example.com", "not valid")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.local", "not an IP address")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "CIDR")]
    public void A_wrong_proxy_setting_stops_start_up_with_a_message_that_says_how_to_fix_it(string key, string value, string message)
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], b =>
            {
                b.Configuration["ConnectionStrings:Database"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"sentry-mcp-test-{Guid.NewGuid():N}.db")}";
                b.Configuration[key] = value;
            });
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });
        Assert.Contains(message, error.Message);
    }
}
