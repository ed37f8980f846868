namespace SentryMcp.Server.Chat;

/// <summary>The chat API's ProblemDetails, each with a stable <c>code</c> the web UI switches on.</summary>
public static class ChatProblems
{
    public static IResult Of(int status, string code, string detail) =>
        Results.Problem(statusCode: status, title: Title(code), detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });

    public static IResult MissingAuth() => Of(401, "MISSING_AUTH_TOKEN", "Sign in with Sentry first (GET /api/auth/login).");

    public static IResult AuthExpired() => Of(401, "AUTH_EXPIRED", "Your Sentry sign-in has expired or was revoked. Sign in again.");

    public static IResult McpUnavailable() => Of(502, "MCP_CONNECTION_FAILED", "The MCP server could not be reached. Try again later.");

    /// <summary>
    /// The MCP server's per-user limit (requests per minute, sliding) refused us. Its own Retry-After
    /// does not survive the MCP client, but a minute always suffices.
    /// </summary>
    public static IResult McpRateLimited(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "60";
        return Of(429, "RATE_LIMIT_EXCEEDED", "Too many Sentry requests for your account in the last minute. Try again in a minute.");
    }

    private static string Title(string code) => code switch
    {
        "MISSING_AUTH_TOKEN" => "Not signed in",
        "AUTH_EXPIRED" => "Sign-in expired",
        "RATE_LIMIT_EXCEEDED" => "Too many messages",
        "INVALID_MESSAGES_FORMAT" => "Invalid chat request",
        "INVALID_REQUEST" => "Invalid request",
        "REQUEST_TOO_LARGE" => "Request too large",
        "AI_SERVICE_UNAVAILABLE" => "No language model configured",
        "MCP_CONNECTION_FAILED" => "MCP server unreachable",
        "APPROVAL_REQUIRED" => "Approval required",
        "UNKNOWN_TOOL" => "Unknown tool",
        "UNKNOWN_PROMPT" => "Unknown prompt",
        "INVALID_PROMPT_ARGUMENTS" => "Invalid prompt arguments",
        "FORBIDDEN_ORIGIN" => "Foreign origin",
        "UNSUPPORTED_MEDIA_TYPE" => "Unsupported media type",
        "CONVERSATION_NOT_FOUND" => "Conversation not found",
        "INVALID_CONVERSATION_ID" => "Invalid conversation id",
        "INVALID_CURSOR" => "Invalid cursor",
        "INVALID_QUERY" => "Invalid search",
        "INVALID_TITLE" => "Invalid title",
        "INVALID_EXPORT_FORMAT" => "Invalid export format",
        "CONVERSATION_LIMIT_REACHED" => "Too many conversations",
        "CONVERSATION_FULL" => "Conversation full",
        "MESSAGE_TOO_LARGE" => "Message too large",
        "TURN_IN_PROGRESS" => "Answer in progress",
        "APPROVAL_NOT_PENDING" => "No approval pending",
        _ => "Error",
    };
}
