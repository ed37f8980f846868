using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using SentryMcp.Sandbox;
using SentryMcp.Server.Tests.Auth;

namespace SentryMcp.Server.Tests.Robustness;

/// <summary>Captures every log line of the host, at every level, including Trace.</summary>
public sealed class LogCapturingAuthFixture : AuthServerFixture
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void Configure(WebApplicationBuilder builder) => CaptureEverything(builder, Lines);

    /// <summary>Every category at Trace, as an operator chasing a problem might set it, into <paramref name="lines"/>.</summary>
    public static void CaptureEverything(WebApplicationBuilder builder, ConcurrentQueue<string> lines)
    {
        foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "System.Net.Http.HttpClient", "ModelContextProtocol", "Polly", "OpenIddict", "SentryMcp" })
        {
            builder.Configuration[$"Logging:LogLevel:{category}"] = "Trace";
        }
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(new CaptureProvider(lines));
    }

    private sealed class CaptureProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CaptureLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class CaptureLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {structured} {exception}");
        }
    }
}

/// <summary>The chat host with every log line captured at Trace.</summary>
public sealed class LogCapturingChatFixture : SentryMcp.Server.Tests.Chat.ChatFixture
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void Configure(WebApplicationBuilder builder) => LogCapturingAuthFixture.CaptureEverything(builder, Lines);
}

/// <summary>The chat's own sign-in (login state, our code on /api/auth/callback) leaves no code or state in the logs.</summary>
public sealed class ChatLogSecrecyTests(LogCapturingChatFixture server) : IClassFixture<LogCapturingChatFixture>
{
    [Fact]
    public async Task No_code_or_state_of_the_chat_sign_in_appears_in_any_log_line_at_trace()
    {
        using var browser = server.NewChatBrowser();
        var redirects = new List<Uri>();
        var response = await browser.Http.GetAsync("api/auth/login?returnTo=/chats/1");
        for (var i = 0; i < 20; i++)
        {
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
                redirects.Add(location);
                if (location.AbsolutePath == "/chats/1")
                {
                    break;
                }
                response = await browser.Http.GetAsync(location);
            }
            else if (response.StatusCode == System.Net.HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var atSentry = response.RequestMessage!.RequestUri!.Authority == server.SandboxUri.Authority;
                response = await browser.SubmitFormAsync(response, atSentry ? [("decision", "allow")] : [("decision", "approve"), ("group", "IssueTriage")]);
            }
            else
            {
                break;
            }
        }
        Assert.Equal("/chats/1", redirects[^1].AbsolutePath);

        var secrets = redirects
            .SelectMany(uri => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query))
            .Where(p => p.Key is "code" or "state")
            .Select(p => (Name: $"{p.Key} on a redirect", Value: p.Value.ToString()))
            .ToList();
        Assert.Contains(secrets, s => s.Name == "code on a redirect");
        Assert.Contains(secrets, s => s.Name == "state on a redirect");
        Assert.Contains(server.Lines, line => line.Contains("/api/auth/callback?code=", StringComparison.Ordinal));
        var leaks = server.Lines
            .SelectMany(line => secrets.Where(s => s.Value.Length >= 16 && line.Contains(s.Value, StringComparison.Ordinal)).Select(s => $"{s.Name}: {(line.Length > 200 ? line[..200] : line)}"))
            .ToList();
        Assert.True(leaks.Count == 0, "Sign-in secrets in logs:\n" + string.Join("\n", leaks));
    }
}

/// <summary>
/// Tokens never reach the logs: after a full sign-in, token refresh and tool calls with every
/// log level enabled, no Sentry token, no token of ours and no Sentry-Bearer credential appears.
/// </summary>
public sealed class LogSecrecyTests(LogCapturingAuthFixture server) : IClassFixture<LogCapturingAuthFixture>
{
    [Fact]
    public async Task No_credential_appears_in_any_log_line_at_any_level()
    {
        using var browser = server.NewBrowser();
        var (client, tokens) = await browser.SignInAsync();
        await using (var mcp = await server.ConnectWithBearerAsync(tokens.AccessToken))
        {
            await mcp.CallToolAsync("whoami");
            await mcp.CallToolAsync("find_organizations");
        }
        await using (var direct = await server.ConnectAsync())
        {
            await direct.CallToolAsync("whoami");
        }
        var sandbox = (OAuthSandboxState)server.Sandbox.Services.GetService(typeof(OAuthSandboxState))!;
        var secrets = sandbox.IssuedAccessTokens.Keys.Concat(sandbox.RefreshTokens.Keys)
            .Append(tokens.AccessToken).Append(tokens.RefreshToken).Append(SandboxOptions.DefaultToken).ToList();
        var log = string.Join("\n", server.Lines);

        Assert.True(server.Lines.Count > 50, $"only {server.Lines.Count} log lines were captured");
        Assert.NotNull(client);
        var leaks = server.Lines.Where(line => secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal)))
            .Select(line => line.Length > 160 ? line[..160] : line).ToList();
        Assert.True(leaks.Count == 0, "Credentials in logs:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public async Task No_code_state_or_verifier_of_a_whole_sign_in_appears_in_any_log_line_at_trace()
    {
        using var browser = server.NewBrowser();
        var client = await browser.RegisterAsync();
        var consent = await browser.GetAsync(browser.AuthorizeUrl(client));
        var signIn = await browser.FollowAsync(await browser.SubmitFormAsync(consent, ("decision", "approve")));
        // Sentry's answer to our callback carries Sentry's code and our upstream state.
        var toCallback = await browser.SubmitFormAsync(signIn, ("decision", "allow"));
        var upstream = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(toCallback.Headers.Location!.Query);
        var result = OAuthBrowser.RedirectParameters(await browser.FollowAsync(toCallback));
        var tokens = await browser.ExchangeCodeAsync(client, result["code"]);
        await using (var mcp = await server.ConnectWithBearerAsync(tokens.AccessToken))
        {
            await mcp.CallToolAsync("whoami");
        }

        var secrets = new Dictionary<string, string>
        {
            ["Sentry's code"] = upstream["code"].ToString(),
            ["the upstream state"] = upstream["state"].ToString(),
            ["our code"] = result["code"],
            ["the client's state"] = result["state"],
            ["the client's PKCE verifier"] = browser.Verifier,
        };
        Assert.All(secrets.Values, value => Assert.True(value.Length >= 16, "a secret too short to search for: " + value));
        // The lines that would have carried them were written (so the test can fail).
        Assert.Contains(server.Lines, line => line.Contains("/oauth/callback?code=", StringComparison.Ordinal));
        var leaks = server.Lines
            .SelectMany(line => secrets.Where(s => line.Contains(s.Value, StringComparison.Ordinal)).Select(s => $"{s.Key}: {(line.Length > 200 ? line[..200] : line)}"))
            .ToList();
        Assert.True(leaks.Count == 0, "Sign-in secrets in logs:\n" + string.Join("\n", leaks));
    }
}
