using System.Collections;
using System.Collections.Concurrent;

namespace SentryMcp.Sandbox;

/// <summary>A credential the sandbox accepts, with the user it belongs to, its scopes and (OAuth tokens) its expiry.</summary>
public sealed record SandboxToken(string Token, string UserId, IReadOnlySet<string> Scopes, DateTimeOffset? ExpiresAt = null);

/// <summary>The accepted tokens; thread-safe, because OAuth sign-ins add and revoke tokens while requests read them. Expired ones are not listed.</summary>
public sealed class SandboxTokenSet : IEnumerable<SandboxToken>
{
    private readonly ConcurrentDictionary<string, SandboxToken> _tokens = new(StringComparer.Ordinal);

    public void Add(SandboxToken token) => _tokens[token.Token] = token;

    public bool Remove(string token) => _tokens.TryRemove(token, out _);

    public IEnumerator<SandboxToken> GetEnumerator() =>
        _tokens.Values.Where(t => t.ExpiresAt is null || t.ExpiresAt > DateTimeOffset.UtcNow).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class SandboxOptions
{
    public const string DefaultToken = "sntryu_sandbox_demo_token";
    public const string ReadOnlyToken = "sntryu_sandbox_readonly_token";

    /// <summary>A valid token without any organization scope: every org-level call is 403.</summary>
    public const string NoScopeToken = "sntryu_sandbox_noscope_token";

    public static readonly IReadOnlySet<string> AllScopes = new HashSet<string>
    {
        "org:read", "project:read", "team:read", "event:read", "member:read",
        "event:write", "project:write", "team:write", "org:write", "project:releases", "event:admin",
    };

    public static readonly IReadOnlySet<string> ReadScopes = new HashSet<string>
    {
        "org:read", "project:read", "team:read", "event:read", "member:read",
    };

    /// <summary>The OAuth application the sandbox knows (the MCP server's client at "Sentry").</summary>
    public const string OAuthClientId = "sandbox-mcp-server";
    public const string OAuthClientSecret = "sandbox-mcp-server-secret";

    /// <summary>Lifetime of access tokens issued by the sandbox's OAuth token endpoint.</summary>
    public TimeSpan OAuthAccessTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    public SandboxTokenSet Tokens { get; } =
    [
        new(DefaultToken, DemoData.UserId, AllScopes),
        new(ReadOnlyToken, DemoData.UserId, ReadScopes),
        new(NoScopeToken, "2", new HashSet<string>()),
    ];
}
