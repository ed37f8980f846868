using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SentryMcp.Sandbox;

/// <summary>What Sentry's OAuth server remembers: pending codes, live refresh tokens, and a call counter for tests.</summary>
public sealed class OAuthSandboxState
{
    public sealed record PendingCode(string ClientId, string RedirectUri, IReadOnlySet<string> Scopes, string UserId, DateTimeOffset ExpiresAt);

    public sealed record RefreshGrant(string ClientId, IReadOnlySet<string> Scopes, string UserId, string AccessToken);

    private int _tokenRequests;
    private int _revocations;

    public ConcurrentDictionary<string, PendingCode> Codes { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, RefreshGrant> RefreshTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Access tokens issued through OAuth, so tests can revoke them all at once.</summary>
    public ConcurrentDictionary<string, byte> IssuedAccessTokens { get; } = new(StringComparer.Ordinal);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public void CountTokenRequest() => Interlocked.Increment(ref _tokenRequests);

    /// <summary>Tokens revoked through <c>/oauth/revoke/</c> that existed.</summary>
    public int Revocations => Volatile.Read(ref _revocations);

    public void CountRevocation() => Interlocked.Increment(ref _revocations);

    public static string NewSecret(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
