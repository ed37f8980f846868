using Microsoft.Extensions.Options;
using SentryMcp.Core.Hosting;

namespace SentryMcp.Server.Chat.Config;

/// <summary>How the chat talks to MCP servers.</summary>
public enum McpTransportKind
{
    StreamableHttp,
    Sse,
}

/// <summary>
/// The chat API (configuration section <c>Chat</c>). The model comes from <c>OPENAI_API_KEY</c>,
/// <c>OPENAI_BASE_URL</c> and <c>OPENAI_MODEL</c> (or <c>Chat:ApiKey</c>, <c>Chat:BaseUrl</c>, <c>Chat:Model</c>).
/// </summary>
public sealed class ChatApiOptions
{
    public const string DefaultModel = "gpt-4o";

    public string? ApiKey { get; set; }

    /// <summary>Root of an OpenAI-compatible API including its version path, e.g. <c>http://localhost:11434/v1</c>.</summary>
    public string? BaseUrl { get; set; }

    public string Model { get; set; } = DefaultModel;

    /// <summary>Model calls per chat request (each tool round trip is one step).</summary>
    public int MaxSteps { get; set; } = 10;

    public int MaxOutputTokens { get; set; } = 4096;

    /// <summary>Upper bound for one model call (one step), streaming included.</summary>
    public TimeSpan LlmTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Longest wait for the model's first chunk (headers included) and between two chunks: a model
    /// that stalls mid-answer ends the turn with an error part instead of holding the user until <see cref="LlmTimeout"/>.
    /// </summary>
    public TimeSpan LlmIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The MCP endpoint the chat uses, with the user's token. Default: this server's own <c>/mcp</c> (or <c>/sse</c>).</summary>
    public string? McpUrl { get; set; }

    public McpTransportKind McpTransport { get; set; } = McpTransportKind.StreamableHttp;

    /// <summary>
    /// Where this server reaches its own OAuth endpoints (token, revoke). Default: the public URL, or
    /// the URL the browser used; set it when the server cannot reach its public address.
    /// </summary>
    public string? SelfUrl { get; set; }

    /// <summary>Chat messages per minute per user.</summary>
    public int MessagesPerMinute { get; set; } = 10;

    /// <summary>Characters of one tool result given to the model (and the UI); longer results are cut with a note.</summary>
    public int MaxToolResultChars { get; set; } = 30_000;

    public int MaxMessages { get; set; } = 100;

    public int MaxTextPartChars { get; set; } = 16_000;

    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Open MCP connections kept (one per signed-in session); the least recently used close first.</summary>
    public int MaxCachedConnections { get; set; } = 500;

    /// <summary>An idle MCP connection closes after this long.</summary>
    public TimeSpan ConnectionIdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A chat session ends after this long without use (the refresh token's lifetime bounds it too).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromDays(14);

    public bool LlmConfigured => !string.IsNullOrWhiteSpace(ApiKey) || !string.IsNullOrWhiteSpace(BaseUrl);
}

/// <summary>Every unusable <see cref="ChatApiOptions"/> setting, with how to fix it.</summary>
public sealed class ChatApiOptionsValidator : IValidateOptions<ChatApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatApiOptions options) => new OptionsProblems()
        .Require(string.IsNullOrWhiteSpace(options.BaseUrl) || OptionsProblems.IsHttpUrl(options.BaseUrl),
            $"OPENAI_BASE_URL '{options.BaseUrl}' is not an http(s) URL. Use the API root, e.g. https://api.openai.com/v1.")
        .Require(!string.IsNullOrWhiteSpace(options.Model), "OPENAI_MODEL (or Chat:Model) is empty. Unset it to use gpt-4o, or name a chat model.")
        .Require(options.McpUrl is null || OptionsProblems.IsHttpUrl(options.McpUrl), $"Chat:McpUrl '{options.McpUrl}' is not an http(s) URL, e.g. https://mcp.example.com/mcp.")
        .Require(options.SelfUrl is null || OptionsProblems.IsHttpUrl(options.SelfUrl), $"Chat:SelfUrl '{options.SelfUrl}' is not an http(s) URL, e.g. http://127.0.0.1:8080.")
        .Require(options.MaxSteps is >= 1 and <= 50, "Chat:MaxSteps must be between 1 and 50.")
        .Require(options.MaxOutputTokens is >= 16 and <= 200_000, "Chat:MaxOutputTokens must be between 16 and 200000.")
        .Require(options.MessagesPerMinute >= 1, "Chat:MessagesPerMinute must be at least 1.")
        .Require(options.MaxToolResultChars >= 500, "Chat:MaxToolResultChars must be at least 500.")
        .Require(options.MaxMessages >= 1, "Chat:MaxMessages must be at least 1.")
        .Require(options.MaxTextPartChars >= 1, "Chat:MaxTextPartChars must be at least 1.")
        .Require(options.MaxBodyBytes >= 1024, "Chat:MaxBodyBytes must be at least 1024.")
        .Require(options.MaxCachedConnections >= 1, "Chat:MaxCachedConnections must be at least 1.")
        .Require(options.LlmTimeout > TimeSpan.Zero, "Chat:LlmTimeout must be positive, e.g. 00:03:00.")
        .Require(options.ConnectionIdleTimeout > TimeSpan.Zero, "Chat:ConnectionIdleTimeout must be positive, e.g. 00:15:00.")
        .Require(options.SessionIdleTimeout > TimeSpan.Zero, "Chat:SessionIdleTimeout must be positive, e.g. 14.00:00:00.")
        .Require(options.LlmIdleTimeout > TimeSpan.Zero && options.LlmIdleTimeout <= options.LlmTimeout,
            "Chat:LlmIdleTimeout must be positive and at most Chat:LlmTimeout (e.g. 00:01:00 with 00:03:00).")
        .Result;
}
