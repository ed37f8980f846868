using SentryMcp.Server.Http;

namespace SentryMcp.Server.Chat;

/// <summary>The chat API's ProblemDetails that several of its endpoints answer with.</summary>
public static class ChatProblems
{
    public static IResult MissingAuth() => Problems.Of(401, ErrorCodes.MissingAuthToken, "Sign in with Sentry first (GET /api/auth/login).");

    public static IResult AuthExpired() => Problems.Of(401, ErrorCodes.AuthExpired, "Your Sentry sign-in has expired or was revoked. Sign in again.");

    public static IResult McpUnavailable() => Problems.Of(502, ErrorCodes.McpConnectionFailed, "The MCP server could not be reached. Try again later.");

    /// <summary>
    /// The MCP server's per-user limit (requests per minute, sliding) refused us. Its own Retry-After
    /// does not survive the MCP client, but a minute always suffices.
    /// </summary>
    public static IResult McpRateLimited(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "60";
        return Problems.Of(429, ErrorCodes.RateLimitExceeded, "Too many Sentry requests for your account in the last minute. Try again in a minute.");
    }
}
