using Microsoft.AspNetCore.DataProtection;

namespace SentryMcp.Server.Storage;

/// <summary>Encrypts secrets before they reach the database, with one DataProtection purpose per field.</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    public const string SentryAccessToken = "SentryMcp.Grant.SentryAccessToken.v1";
    public const string SentryRefreshToken = "SentryMcp.Grant.SentryRefreshToken.v1";
    public const string ServerKey = "SentryMcp.Storage.ServerKey.v1";

    public string Protect(string purpose, string value) => provider.CreateProtector(purpose).Protect(value);

    public string Unprotect(string purpose, string value) => provider.CreateProtector(purpose).Unprotect(value);
}
