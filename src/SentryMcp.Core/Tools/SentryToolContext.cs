using SentryMcp.Core.Api;

namespace SentryMcp.Core.Tools;

/// <summary>
/// What a tool call needs from its session: the API client bound to the caller's credential, the
/// host (for links), the session's constraints and who the caller is (for per-user budgets; the one
/// local user under stdio). Scoped: one per MCP request or stdio session.
/// </summary>
public sealed class SentryToolContext(SentryApiClient api, SessionConstraints constraints, string user = "local")
{
    public SentryApiClient Api { get; } = api;
    public string User { get; } = user;
    public SentryHost Host => Api.Host;
    public SessionConstraints Constraints { get; } = constraints;

    /// <summary>Returns the value, or a user error naming the parameter when it is missing.</summary>
    public static string Require(string? value, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UserInputException($"The '{parameterName}' parameter is required.");
        }
        return value.Trim();
    }
}
