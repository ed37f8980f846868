using SentryMcp.Server.Tests.Auth;
using SentryMcp.TestDoubles;

namespace SentryMcp.Server.Tests.Chat;

/// <summary>The real host with its own sandbox (as Sentry) and a scripted OpenAI-compatible model.</summary>
public class ChatFixture : AuthServerFixture
{
    public ScriptedLlmServer Llm { get; private set; } = null!;

    protected virtual IDictionary<string, string?> ChatSettings => new Dictionary<string, string?>
    {
        ["OPENAI_API_KEY"] = "test-key",
        ["OPENAI_BASE_URL"] = Llm.BaseUri.ToString(),
        ["OPENAI_MODEL"] = "",
        ["Chat:MessagesPerMinute"] = "1000",
        // Every test signs in the same sandbox user, and each new session's MCP connection costs four
        // requests before the first tool call: a class of tests would meet the default 60/min.
        ["RateLimits:PerUserPerMinute"] = "1000",
        ["Chat:MaxSteps"] = "4",
        ["Chat:MaxToolResultChars"] = "2000",
        // Tests script every model call; the title call has a test of its own (ConversationTitleTests).
        ["Chat:GenerateTitles"] = "false",
    };

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            foreach (var (key, value) in ChatSettings)
            {
                settings[key] = value;
            }
            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        Llm = await ScriptedLlmServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Llm.DisposeAsync();
    }

    public ChatBrowser NewChatBrowser() => new(this);

    /// <summary>A browser already signed in to the chat (read + issue triage).</summary>
    public async Task<ChatBrowser> SignedInAsync()
    {
        var browser = NewChatBrowser();
        await browser.SignInAsync();
        return browser;
    }
}

/// <summary>No model configured and a low message rate limit.</summary>
public sealed class NoLlmChatFixture : ChatFixture
{
    protected override IDictionary<string, string?> ChatSettings => new Dictionary<string, string?>
    {
        ["OPENAI_API_KEY"] = "",
        ["OPENAI_BASE_URL"] = "",
        ["Chat:MessagesPerMinute"] = "2",
    };
}

/// <summary>The chat's MCP URL points where nothing listens.</summary>
public sealed class UnreachableMcpChatFixture : ChatFixture
{
    protected override IDictionary<string, string?> ChatSettings => new Dictionary<string, string?>
    {
        ["OPENAI_API_KEY"] = "test-key",
        ["OPENAI_BASE_URL"] = Llm.BaseUri.ToString(),
        ["Chat:McpUrl"] = "http://127.0.0.1:9/mcp",
    };
}

/// <summary>The MCP server allows the (single sandbox) user 8 requests a minute.</summary>
public sealed class McpRateLimitedChatFixture : ChatFixture
{
    protected override IDictionary<string, string?> ChatSettings => new Dictionary<string, string?>(base.ChatSettings)
    {
        ["RateLimits:PerUserPerMinute"] = "8",
    };
}

/// <summary>The chat reaches its MCP server over the legacy HTTP+SSE transport.</summary>
public sealed class SseChatFixture : ChatFixture
{
    protected override IDictionary<string, string?> ChatSettings => new Dictionary<string, string?>
    {
        ["OPENAI_API_KEY"] = "test-key",
        ["OPENAI_BASE_URL"] = Llm.BaseUri.ToString(),
        ["Chat:McpTransport"] = "Sse",
    };
}
