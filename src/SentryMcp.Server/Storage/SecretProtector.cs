using Microsoft.AspNetCore.DataProtection;

namespace SentryMcp.Server.Storage;

/// <summary>The DataProtection purposes of a stored access/refresh token pair.</summary>
public sealed record TokenPurposes(string Access, string Refresh);

/// <summary>
/// Encrypts secrets before they reach the database, with one DataProtection purpose per field. Every
/// stored token pair (a grant's Sentry tokens, a chat session's own tokens) goes through
/// <see cref="ProtectTokens"/> and <see cref="UnprotectTokens"/>, so there is one path to review.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    public const string SentryAccessToken = "SentryMcp.Grant.SentryAccessToken.v1";
    public const string SentryRefreshToken = "SentryMcp.Grant.SentryRefreshToken.v1";
    public const string ServerKey = "SentryMcp.Storage.ServerKey.v1";

    /// <summary>A grant's Sentry tokens.</summary>
    public static readonly TokenPurposes SentryTokens = new(SentryAccessToken, SentryRefreshToken);

    /// <summary>A chat session's tokens of our own authorization server.</summary>
    public static readonly TokenPurposes ChatTokens = new("SentryMcp.Chat.AccessToken.v1", "SentryMcp.Chat.RefreshToken.v1");

    public string Protect(string purpose, string value) => provider.CreateProtector(purpose).Protect(value);

    public string Unprotect(string purpose, string value) => provider.CreateProtector(purpose).Unprotect(value);

    /// <summary>The pair encrypted for storage; a missing refresh token stays missing.</summary>
    public (string Access, string? Refresh) ProtectTokens(TokenPurposes purposes, string access, string? refresh) =>
        (Protect(purposes.Access, access), refresh is null ? null : Protect(purposes.Refresh, refresh));

    /// <summary>The stored pair decrypted.</summary>
    public (string Access, string? Refresh) UnprotectTokens(TokenPurposes purposes, string access, string? refresh) =>
        (Unprotect(purposes.Access, access), refresh is null ? null : Unprotect(purposes.Refresh, refresh));
}
