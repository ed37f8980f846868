namespace SentryMcp.Server.Http;

/// <summary>The path prefixes this server answers under, named once.</summary>
public static class Routes
{
    /// <summary>Streamable HTTP MCP endpoint; <c>/mcp/{org}</c> and <c>/mcp/{org}/{project}</c> narrow the session.</summary>
    public const string Mcp = "/mcp";

    /// <summary>The deprecated HTTP+SSE transport: <c>GET /sse</c> opens the stream, <see cref="SseMessage"/> takes the posts.</summary>
    public const string Sse = "/sse";
    public const string SseMessage = Sse + "/message";

    /// <summary>The OAuth authorization server (and its consent page and upstream Sentry callback).</summary>
    public const string OAuth = "/oauth";
    public const string OAuthAuthorize = OAuth + "/authorize";
    public const string OAuthToken = OAuth + "/token";
    public const string OAuthRegister = OAuth + "/register";
    public const string OAuthRevoke = OAuth + "/revoke";
    public const string OAuthCallback = OAuth + "/callback";

    public const string WellKnown = "/.well-known";

    /// <summary>The web UI's API (chat, sign-in, metadata, config).</summary>
    public const string Api = "/api";
    public const string ApiAuth = Api + "/auth";
}
