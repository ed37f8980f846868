using System.Security.Cryptography;
using System.Text;

namespace SentryMcp.Core.Api;

public sealed partial class SentryApiClient
{
    private string? _credentialKey;

    /// <summary>
    /// A stable, non-reversible name for this client's host and credential, for caches that must not
    /// mix callers. Never the token itself.
    /// </summary>
    public string CredentialKey => _credentialKey ??= Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Host.ApiBaseFor(null) + "\n" + _accessToken)))[..32];
}
