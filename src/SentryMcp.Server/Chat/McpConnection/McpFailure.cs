using System.Net;

namespace SentryMcp.Server.Chat.McpConnection;

/// <summary>What went wrong between the chat and its MCP server.</summary>
public enum McpFailure
{
    /// <summary>401 or 403: the session's token is dead (revoked, expired, the grant ended).</summary>
    AuthRejected,

    /// <summary>429: the MCP server's per-user rate limit; the user's doing, not an outage.</summary>
    RateLimited,

    /// <summary>Anything else: the server could not be reached or broke off.</summary>
    Unreachable,
}

/// <summary>The one classifier of MCP transport failures, for connecting and for calls alike.</summary>
public static class McpFailures
{
    public static McpFailure Classify(Exception ex) =>
        HasStatus(ex, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden) ? McpFailure.AuthRejected
        : HasStatus(ex, HttpStatusCode.TooManyRequests) ? McpFailure.RateLimited
        : McpFailure.Unreachable;

    private static bool HasStatus(Exception? ex, params HttpStatusCode[] statuses)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is HttpRequestException { StatusCode: { } status } && statuses.Contains(status))
            {
                return true;
            }
            if (ex is AggregateException aggregate && aggregate.InnerExceptions.Any(inner => HasStatus(inner, statuses)))
            {
                return true;
            }
        }
        return false;
    }
}
