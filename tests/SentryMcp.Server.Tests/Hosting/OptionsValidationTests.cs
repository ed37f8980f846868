using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using SentryMcp.Server.Auth;
using SentryMcp.Server.Chat.Config;
using SentryMcp.Server.Conversations;
using SentryMcp.Server.Hosting;
using SentryMcp.Server.Mcp;
using SentryMcp.Server.Security;
using SentryMcp.TestDoubles;

namespace SentryMcp.Server.Tests.Hosting;

/// <summary>Each validator reports every bad setting of its options at once; the host refuses to start and names them all.</summary>
public sealed class OptionsValidationTests : IDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"sentry-mcp-options-{Guid.NewGuid():N}.db");

    [Fact]
    public void Auth_options_report_half_credentials_and_every_bad_lifetime_and_limit()
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions
        {
            SentryClientId = "only-the-id", SignInTimeout = TimeSpan.Zero, AccessTokenLifetime = TimeSpan.FromMinutes(-1),
            RefreshTokenLifetime = TimeSpan.Zero, RefreshTokenReuseLeeway = TimeSpan.FromSeconds(-1), AuthorizationCodeLifetime = TimeSpan.Zero,
            UnusedRegistrationLifetime = TimeSpan.Zero, RegistrationsPerHourPerIp = 0, ClientMetadataTimeout = TimeSpan.FromMinutes(1), ClientMetadataMaxBytes = 100,
        });

        OptionsAssert.Failures(result, "SENTRY_CLIENT_SECRET", "Auth:SignInTimeout", "Auth:AccessTokenLifetime", "Auth:RefreshTokenLifetime",
            "Auth:RefreshTokenReuseLeeway", "Auth:AuthorizationCodeLifetime", "Auth:UnusedRegistrationLifetime", "Auth:RegistrationsPerHourPerIp",
            "Auth:ClientMetadataTimeout", "Auth:ClientMetadataMaxBytes");
        Assert.True(new AuthOptionsValidator().Validate(null, new AuthOptions()).Succeeded);
    }

    [Fact]
    public void Chat_options_report_every_bad_url_count_and_timeout()
    {
        var result = new ChatApiOptionsValidator().Validate(null, new ChatApiOptions
        {
            BaseUrl = "api.openai.com/v1", Model = " ", McpUrl = "/mcp", SelfUrl = "ftp://127.0.0.1", MaxSteps = 0, MaxOutputTokens = 8,
            MessagesPerMinute = 0, MaxToolResultChars = 10, MaxMessages = 0, MaxTextPartChars = 0, MaxBodyBytes = 10, MaxCachedConnections = 0,
            LlmTimeout = TimeSpan.Zero, ConnectionIdleTimeout = TimeSpan.Zero, SessionIdleTimeout = TimeSpan.Zero, LlmIdleTimeout = TimeSpan.FromMinutes(1),
        });

        OptionsAssert.Failures(result, "OPENAI_BASE_URL", "OPENAI_MODEL", "Chat:McpUrl", "Chat:SelfUrl", "Chat:MaxSteps", "Chat:MaxOutputTokens",
            "Chat:MessagesPerMinute", "Chat:MaxToolResultChars", "Chat:MaxMessages", "Chat:MaxTextPartChars", "Chat:MaxBodyBytes",
            "Chat:MaxCachedConnections", "Chat:LlmTimeout must", "Chat:ConnectionIdleTimeout", "Chat:SessionIdleTimeout", "Chat:LlmIdleTimeout");
        Assert.True(new ChatApiOptionsValidator().Validate(null, new ChatApiOptions()).Succeeded);
    }

    [Fact]
    public void Conversation_options_report_every_bad_limit_and_duration()
    {
        var result = new ConversationOptionsValidator().Validate(null, new ConversationOptions
        {
            MaxConversationsPerUser = 0, MaxMessageBytes = 100, ConversationRetention = TimeSpan.Zero,
            RetentionSweepInterval = TimeSpan.FromHours(-1), FinishedTurnGrace = TimeSpan.Zero,
            TurnLeaseRefresh = TimeSpan.FromSeconds(6), TurnLeaseTtl = TimeSpan.FromSeconds(10), AnswerSaveInterval = TimeSpan.Zero,
        });

        OptionsAssert.Failures(result, "Chat:MaxConversationsPerUser", "Chat:MaxMessageBytes", "Chat:ConversationRetention", "Chat:RetentionSweepInterval", "Chat:FinishedTurnGrace",
            "Chat:TurnLeaseTtl", "Chat:AnswerSaveInterval");
        Assert.True(new ConversationOptionsValidator().Validate(null, new ConversationOptions()).Succeeded);
    }

    [Fact]
    public void Rate_limits_must_allow_something_but_have_no_upper_bound()
    {
        OptionsAssert.Failures(new RateLimitOptionsValidator().Validate(null, new RateLimitOptions { PerIpPerMinute = 0, PerUserPerMinute = -1 }),
            "RateLimits:PerIpPerMinute", "RateLimits:PerUserPerMinute");
        // The scale test's setting.
        Assert.True(new RateLimitOptionsValidator().Validate(null, new RateLimitOptions { PerIpPerMinute = 100_000, PerUserPerMinute = 1_000_000 }).Succeeded);
    }

    [Fact]
    public void Sse_keep_alive_must_be_positive()
    {
        OptionsAssert.Failures(new SseOptionsValidator().Validate(null, new SseOptions { KeepAliveInterval = TimeSpan.Zero }), "Sse:KeepAliveInterval");
        Assert.True(new SseOptionsValidator().Validate(null, new SseOptions()).Succeeded);
    }

    [Fact]
    public void Host_options_report_a_bad_sentry_host_and_a_public_url_with_a_path_together_and_accept_http()
    {
        OptionsAssert.Failures(new SentryHostOptionsValidator().Validate(null, new SentryHostOptions { Host = "sentry.example.com", PublicUrl = "https://mcp.example.com/chat" }),
            "SENTRY_HOST", "PUBLIC_URL");
        // Plain http stays allowed: the sandbox and the scale test's cluster run on it.
        Assert.True(new SentryHostOptionsValidator().Validate(null, new SentryHostOptions { Host = "http://127.0.0.1:9", PublicUrl = "http://localhost:8080" }).Succeeded);
    }

    [Fact]
    public async Task The_host_refuses_to_start_and_names_every_bad_setting_of_every_section()
    {
        await using var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], builder =>
        {
            builder.Configuration["Sentry:Host"] = "http://127.0.0.1:9";
            builder.Configuration["ConnectionStrings:Database"] = $"Data Source={_databasePath}";
            builder.Configuration["Chat:MaxSteps"] = "0";
            builder.Configuration["Chat:MaxConversationsPerUser"] = "0";
            builder.Configuration["Auth:SignInTimeout"] = "00:00:00";
            builder.Configuration["Auth:ClientMetadataMaxBytes"] = "10";
            builder.Configuration["RateLimits:PerIpPerMinute"] = "0";
            builder.Configuration["Sse:KeepAliveInterval"] = "00:00:00";
            builder.Configuration["Seer:Timeout"] = "00:00:00";
        });

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        var messages = OptionsAssert.Flatten(failure).SelectMany(e => e.Failures).ToList();
        foreach (var setting in new[] { "Chat:MaxSteps", "Chat:MaxConversationsPerUser", "Auth:SignInTimeout", "Auth:ClientMetadataMaxBytes",
                     "RateLimits:PerIpPerMinute", "Sse:KeepAliveInterval", "Seer:Timeout" })
        {
            Assert.Contains(messages, m => m.StartsWith(setting, StringComparison.Ordinal));
        }
    }

    public void Dispose()
    {
        foreach (var path in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(path);
        }
    }
}
