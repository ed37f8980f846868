namespace SentryMcp.Core.Tools;

/// <summary>
/// Optional host hook, resolved from the request's services: told when Sentry answers 401 to a tool
/// call, so the host can end the session's sign-in instead of failing every later call.
/// </summary>
public interface ISentryCredentialObserver
{
    ValueTask CredentialsRejectedAsync(CancellationToken ct);
}
