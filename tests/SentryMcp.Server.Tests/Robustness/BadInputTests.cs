using System.Net;
using System.Text;
using SentryMcp.Sandbox;
using Xunit.Abstractions;

namespace SentryMcp.Server.Tests.Robustness;

public sealed class UnlimitedServerFixture : ServerFixture
{
    // Rate limits would answer most of a flood with 429 and hide the handlers behind them.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:PerUserPerMinute"] = "1000000",
        ["RateLimits:PerIpPerMinute"] = "1000000",
        ["Auth:RegistrationsPerHourPerIp"] = "1000000",
    };
}

/// <summary>
/// Generated malformed, oversized, wrongly typed, wrongly encoded and unauthorised requests against
/// every public endpoint, from a fixed seed. Each must get a 4xx (or the protocol's own error in a
/// 2xx body), never a 5xx or a hang, and the host must stay healthy.
/// </summary>
public sealed class BadInputTests(UnlimitedServerFixture server, ITestOutputHelper output) : IClassFixture<UnlimitedServerFixture>
{
    private const int Seed = 20261124;
    private const int RequestCount = 3000;

    private static readonly string[] Tools = ["whoami", "find_organizations", "find_projects", "search_issues", "get_issue_details", "update_issue", "get_trace_details", "search_docs", "get_doc", "no_such_tool"];
    private static readonly string[] Methods = ["initialize", "tools/list", "tools/call", "prompts/get", "resources/read", "completion/complete", "ping", "logging/setLevel", "nonexistent/method", ""];

    [Fact]
    public async Task Thousands_of_bad_requests_get_4xx_or_protocol_errors_and_the_host_stays_healthy()
    {
        var random = new Random(Seed);
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(20) };
        var byStatus = new SortedDictionary<int, int>();
        var failures = new List<string>();
        for (var i = 0; i < RequestCount; i++)
        {
            using var request = Generate(random, i);
            var description = $"#{i} {request.Method} {request.RequestUri}";
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var status = (int)response.StatusCode;
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                if (status >= 500)
                {
                    failures.Add($"{description} → {status}: {Truncate(await response.Content.ReadAsStringAsync())}");
                }
            }
            catch (TaskCanceledException)
            {
                failures.Add($"{description} → no answer within 20 s");
            }
        }

        var health = await http.GetAsync("healthz");
        output.WriteLine($"{RequestCount} generated requests (seed {Seed}); status counts: {string.Join(", ", byStatus.Select(p => $"{p.Key}×{p.Value}"))}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static HttpRequestMessage Generate(Random random, int i)
    {
        return (i % 6) switch
        {
            0 or 1 => McpRequest(random),
            2 => SseMessage(random),
            3 => OAuthRequest(random),
            4 => StaticOrUnknown(random),
            _ => AnyEndpointWithGarbage(random),
        };
    }

    private static HttpRequestMessage McpRequest(Random random)
    {
        var path = Pick(random, "mcp", "mcp/acme", "mcp/acme/api-backend", "mcp/no-such-org", "mcp/%2e%2e", "mcp/acme/../../etc", "mcp/" + new string('a', 300));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Body(random, JsonRpc(random)) };
        request.Headers.TryAddWithoutValidation("Accept", Pick(random, "application/json, text/event-stream", "text/html", "*/*", ""));
        Authorize(random, request);
        return request;
    }

    private static HttpRequestMessage SseMessage(Random random)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "sse/message?sessionId=" + Pick(random, "", "x", "deadbeef", new string('0', 32), "%00", "' OR 1=1"))
        {
            Content = Body(random, JsonRpc(random)),
        };
        Authorize(random, request);
        return request;
    }

    private static HttpRequestMessage OAuthRequest(Random random)
    {
        var which = random.Next(5);
        if (which == 0)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "oauth/register");
            request.Content = Body(random, Pick(random,
                "{\"redirect_uris\":[\"javascript:alert(1)\"]}",
                "{\"redirect_uris\":\"https://a.example/cb\"}",
                "{\"redirect_uris\":[\"https://user:pw@a.example/cb#frag\"],\"client_name\":" + Quote(RandomText(random, 5000)) + "}",
                "{\"redirect_uris\":[],\"token_endpoint_auth_method\":\"private_key_jwt\"}",
                "{\"grant_types\":[1,2,3]}",
                "[]", "null", "{"));
            return request;
        }
        if (which == 1)
        {
            var form = new Dictionary<string, string>();
            foreach (var key in new[] { "grant_type", "code", "redirect_uri", "client_id", "code_verifier", "refresh_token", "resource", "client_secret" })
            {
                if (random.Next(2) == 0)
                {
                    form[key] = Pick(random, "authorization_code", "refresh_token", "password", "client_credentials", RandomText(random, 40), "", "https://evil.example/cb");
                }
            }
            return new HttpRequestMessage(HttpMethod.Post, "oauth/token") { Content = new FormUrlEncodedContent(form) };
        }
        if (which == 2)
        {
            return new HttpRequestMessage(HttpMethod.Post, "oauth/revoke") { Content = Body(random, "token=" + Uri.EscapeDataString(RandomText(random, 80))) };
        }
        var query = string.Join("&", new[] { "response_type", "client_id", "redirect_uri", "code_challenge", "code_challenge_method", "state", "resource", "scope" }
            .Where(_ => random.Next(2) == 0)
            .Select(k => k + "=" + Uri.EscapeDataString(Pick(random, "code", "token", "plain", "S256", "https://evil.example/", "javascript:alert(1)", RandomText(random, 30), ""))));
        return new HttpRequestMessage(random.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Post, "oauth/authorize?" + query);
    }

    private static HttpRequestMessage StaticOrUnknown(Random random)
    {
        var path = Pick(random, ".well-known/oauth-protected-resource/mcp/acme/x/y", ".well-known/oauth-authorization-server", ".well-known/openid-configuration",
            "healthz", "readyz", "robots.txt", "llms.txt", "mcp.json", "favicon.ico", "../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd", "api/0/auth/",
            "oauth/consent/consent.css", "oauth/callback?error=access_denied&state=x", "oauth/callback?code=abc&state=" + Uri.EscapeDataString(RandomText(random, 50)), "__sandbox/reset");
        var method = Pick(random, HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Head, HttpMethod.Options, new HttpMethod("PROPFIND"));
        var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Options)
        {
            request.Content = Body(random, RandomText(random, 200));
        }
        return request;
    }

    private static HttpRequestMessage AnyEndpointWithGarbage(Random random)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Pick(random, "mcp", "sse", "oauth/register", "oauth/token", "oauth/authorize", "mcp/acme"));
        var bytes = new byte[random.Next(0, 4096)];
        random.NextBytes(bytes);
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", Pick(random, "application/json", "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"));
        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Pick(random, "Bearer", "Bearer ", "Basic !!!", "Sentry-Bearer " + new string('x', 600), "Digest x"));
        }
        return request;
    }

    private static string JsonRpc(Random random)
    {
        var method = Pick(random, Methods);
        var id = Pick(random, "1", "\"a\"", "null", "{}", "[1]", "1.5", "true", "99999999999999999999999");
        var arguments = Pick(random,
            "{}",
            "{\"organizationSlug\":\"acme\"}",
            "{\"organizationSlug\":123}",
            "{\"organizationSlug\":\"../../etc\"}",
            "{\"organizationSlug\":\"acme\",\"issueId\":" + Quote(RandomText(random, 40)) + "}",
            "{\"organizationSlug\":\"acme\",\"query\":" + Quote(RandomText(random, 2000)) + "}",
            "{\"organizationSlug\":\"acme\",\"limit\":-5}",
            "{\"organizationSlug\":\"acme\",\"limit\":\"many\"}",
            "{\"traceId\":\"not-hex\",\"organizationSlug\":\"acme\"}",
            "{\"path\":\"https://evil.example/x\"}",
            "{\"issueUrl\":\"http://169.254.169.254/latest/meta-data/\"}",
            "{\"regionUrl\":\"http://127.0.0.1:1/\",\"organizationSlug\":\"acme\"}",
            "[]", "\"x\"", "null");
        var parameters = method switch
        {
            "tools/call" => "{\"name\":" + Quote(Pick(random, Tools)) + ",\"arguments\":" + arguments + "}",
            "initialize" => Pick(random, "{\"protocolVersion\":\"1999-01-01\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}", "{}", "null"),
            "prompts/get" => "{\"name\":" + Quote(Pick(random, "find_errors_in_file", "fix_issue_with_seer", "nope")) + ",\"arguments\":" + arguments + "}",
            "resources/read" => "{\"uri\":" + Quote(Pick(random, "sentry://about", "sentry-docs://platform/../../etc", "file:///etc/passwd", "sentry-docs://platform/" + RandomText(random, 20))) + "}",
            _ => arguments,
        };
        return random.Next(8) switch
        {
            0 => "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":" + Quote(method) + "}",
            1 => "[" + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}," + "{\"jsonrpc\":\"1.0\"}]",
            2 => new string('[', 5000) + new string(']', 5000),
            _ => "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":" + Quote(method) + ",\"params\":" + parameters + "}",
        };
    }

    private static HttpContent Body(Random random, string text)
    {
        var kind = random.Next(10);
        HttpContent content = kind switch
        {
            0 => new StringContent(text + new string('x', 1024 * 1024 + 10), Encoding.UTF8, "application/json"),
            1 => new ByteArrayContent([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, .. Encoding.UTF8.GetBytes(text)]),
            2 => new StringContent(text, Encoding.Unicode, "application/json"),
            3 => new StringContent(text, Encoding.UTF8, "text/plain"),
            4 => new StringContent(text.Length > 2 ? text[..(text.Length / 2)] : text, Encoding.UTF8, "application/json"),
            _ => new StringContent(text, Encoding.UTF8, "application/json"),
        };
        if (kind == 1)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        }
        return content;
    }

    private static void Authorize(Random random, HttpRequestMessage request)
    {
        var value = random.Next(6) switch
        {
            0 => null,
            1 => "Bearer " + new string([.. RandomText(random, 60).Where(c => c is > ' ' and < '\u007f')]),
            2 => "Sentry-Bearer sntryu_wrong_" + random.Next(),
            3 => "Sentry-Bearer " + SandboxOptions.ReadOnlyToken,
            _ => "Sentry-Bearer " + SandboxOptions.DefaultToken,
        };
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", value);
        }
    }

    private static string RandomText(Random random, int maxLength)
    {
        const string alphabet = "abcXYZ019 -_./:%\"'\\<>{}[]()!?*&=+#@~`|;\u00e9\u4e2d\ud83d\ude00\u0000\u202e";
        var length = random.Next(0, maxLength + 1);
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }
        return sb.ToString();
    }

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
