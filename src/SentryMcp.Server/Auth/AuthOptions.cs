using Microsoft.Extensions.Options;
using SentryMcp.Core.Hosting;

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
}

/// <summary>Every unusable <see cref="AuthOptions"/> setting, with how to fix it.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options) => new OptionsProblems()
        .Require(string.IsNullOrEmpty(options.SentryClientId) == string.IsNullOrEmpty(options.SentryClientSecret),
            "Set both SENTRY_CLIENT_ID and SENTRY_CLIENT_SECRET (the OAuth application of this server at Sentry), or neither.")
        .Require(options.SignInTimeout > TimeSpan.Zero, "Auth:SignInTimeout must be positive, e.g. 00:10:00.")
        .Require(options.AccessTokenLifetime > TimeSpan.Zero, "Auth:AccessTokenLifetime must be positive, e.g. 01:00:00.")
        .Require(options.RefreshTokenLifetime > TimeSpan.Zero, "Auth:RefreshTokenLifetime must be positive, e.g. 30.00:00:00.")
        .Require(options.RefreshTokenReuseLeeway >= TimeSpan.Zero, "Auth:RefreshTokenReuseLeeway must not be negative, e.g. 00:00:30.")
        .Require(options.AuthorizationCodeLifetime > TimeSpan.Zero, "Auth:AuthorizationCodeLifetime must be positive, e.g. 00:02:00.")
        .Require(options.UnusedRegistrationLifetime > TimeSpan.Zero, "Auth:UnusedRegistrationLifetime must be positive, e.g. 30.00:00:00.")
        .Require(options.RegistrationsPerHourPerIp >= 1, "Auth:RegistrationsPerHourPerIp must be at least 1.")
        .Require(options.ClientMetadataTimeout > TimeSpan.Zero && options.ClientMetadataTimeout <= TimeSpan.FromSeconds(30),
            "Auth:ClientMetadataTimeout must be between 0 and 30 seconds.")
        .Require(options.ClientMetadataMaxBytes is >= 1024 and <= 256 * 1024, "Auth:ClientMetadataMaxBytes must be between 1024 and 262144.")
        .Result;
}
