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

    public void Validate()
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl) && !IsHttpUrl(BaseUrl))
        {
            throw new InvalidOperationException($"OPENAI_BASE_URL '{BaseUrl}' is not an http(s) URL. Use the API root, e.g. https://api.openai.com/v1.");
        }
        if (string.IsNullOrWhiteSpace(Model))
        {
            throw new InvalidOperationException("OPENAI_MODEL (or Chat:Model) is empty. Unset it to use gpt-4o, or name a chat model.");
        }
        if (McpUrl is not null && !IsHttpUrl(McpUrl))
        {
            throw new InvalidOperationException($"Chat:McpUrl '{McpUrl}' is not an http(s) URL, e.g. https://mcp.example.com/mcp.");
        }
        if (SelfUrl is not null && !IsHttpUrl(SelfUrl))
        {
            throw new InvalidOperationException($"Chat:SelfUrl '{SelfUrl}' is not an http(s) URL, e.g. http://127.0.0.1:8080.");
        }
        Require(MaxSteps is >= 1 and <= 50, "Chat:MaxSteps must be between 1 and 50.");
        Require(MaxOutputTokens is >= 16 and <= 200_000, "Chat:MaxOutputTokens must be between 16 and 200000.");
        Require(MessagesPerMinute >= 1, "Chat:MessagesPerMinute must be at least 1.");
        Require(MaxToolResultChars >= 500, "Chat:MaxToolResultChars must be at least 500.");
        Require(MaxMessages >= 1 && MaxTextPartChars >= 1 && MaxBodyBytes >= 1024, "Chat:MaxMessages, Chat:MaxTextPartChars and Chat:MaxBodyBytes (>= 1024) must be positive.");
        Require(MaxCachedConnections >= 1, "Chat:MaxCachedConnections must be at least 1.");
        Require(LlmTimeout > TimeSpan.Zero && ConnectionIdleTimeout > TimeSpan.Zero && SessionIdleTimeout > TimeSpan.Zero,
            "Chat:LlmTimeout, Chat:ConnectionIdleTimeout and Chat:SessionIdleTimeout must be positive.");
        Require(LlmIdleTimeout > TimeSpan.Zero && LlmIdleTimeout <= LlmTimeout,
            "Chat:LlmIdleTimeout must be positive and at most Chat:LlmTimeout (e.g. 00:01:00 with 00:03:00).");
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
