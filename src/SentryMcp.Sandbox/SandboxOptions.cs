namespace SentryMcp.Sandbox;

/// <summary>A credential the sandbox accepts, with the user it belongs to and its scopes.</summary>
public sealed record SandboxToken(string Token, string UserId, IReadOnlySet<string> Scopes);

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

    public List<SandboxToken> Tokens { get; } =
    [
        new(DefaultToken, DemoData.UserId, AllScopes),
        new(ReadOnlyToken, DemoData.UserId, ReadScopes),
        new(NoScopeToken, "2", new HashSet<string>()),
    ];
}
