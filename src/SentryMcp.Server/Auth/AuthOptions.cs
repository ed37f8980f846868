namespace SentryMcp.Server.Auth;

/// <summary>
/// The authorization server and the upstream Sentry OAuth client (configuration section <c>Auth</c>;
/// the Sentry credentials also from <c>SENTRY_CLIENT_ID</c> / <c>SENTRY_CLIENT_SECRET</c>).
/// </summary>
public sealed class AuthOptions
{
    /// <summary>OAuth client id of this server at Sentry.</summary>
    public string? SentryClientId { get; set; }

    /// <summary>OAuth client secret of this server at Sentry.</summary>
    public string? SentryClientSecret { get; set; }

    /// <summary>How long a browser may take between leaving for Sentry and coming back.</summary>
    public TimeSpan SignInTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a rotated refresh token stays usable (a client lost the response).</summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Registrations never used for a sign-in are deleted after this long.</summary>
    public TimeSpan UnusedRegistrationLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Dynamic client registrations allowed per IP per hour.</summary>
    public int RegistrationsPerHourPerIp { get; set; } = 20;

    /// <summary>
    /// Custom URI schemes of native MCP clients accepted as redirect URIs besides reverse-DNS
    /// private-use schemes (RFC 8252 7.1, e.g. <c>com.example.app:/cb</c>).
    /// </summary>
    public List<string> AllowedCustomSchemes { get; set; } = ["cursor", "vscode", "vscode-insiders", "windsurf", "zed"];

    /// <summary>Total time allowed for fetching a Client ID Metadata Document.</summary>
    public TimeSpan ClientMetadataTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest Client ID Metadata Document accepted.</summary>
    public int ClientMetadataMaxBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Fetch Client ID Metadata Documents from private, loopback and link-local addresses (still
    /// https only). Off unless set, or the host runs in Development: for local tests only.
    /// </summary>
    public bool? ClientMetadataAllowPrivateAddresses { get; set; }

    public void Validate()
    {
        if (string.IsNullOrEmpty(SentryClientId) != string.IsNullOrEmpty(SentryClientSecret))
        {
            throw new InvalidOperationException("Set both SENTRY_CLIENT_ID and SENTRY_CLIENT_SECRET (the OAuth application of this server at Sentry), or neither.");
        }
        if (SignInTimeout <= TimeSpan.Zero || AccessTokenLifetime <= TimeSpan.Zero || RefreshTokenLifetime <= TimeSpan.Zero || AuthorizationCodeLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Auth lifetimes (SignInTimeout, AccessTokenLifetime, RefreshTokenLifetime, AuthorizationCodeLifetime) must be positive.");
        }
        if (ClientMetadataTimeout <= TimeSpan.Zero || ClientMetadataTimeout > TimeSpan.FromSeconds(30) || ClientMetadataMaxBytes is < 1024 or > 256 * 1024)
        {
            throw new InvalidOperationException("Auth:ClientMetadataTimeout must be between 0 and 30 seconds and Auth:ClientMetadataMaxBytes between 1024 and 262144.");
        }
    }
}
