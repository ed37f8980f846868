using System.Net;

namespace SentryMcp.Server.Auth;

/// <summary>
/// Redirect-URI rules: https anywhere, http only on loopback (where any port matches, RFC 8252 7.3),
/// and native-app schemes that are reverse-DNS or explicitly allowed. Never fragments, userinfo or
/// script-capable schemes.
/// </summary>
public static class RedirectUris
{
    private static readonly HashSet<string> Forbidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "javascript", "vbscript", "data", "file", "blob", "about", "filesystem", "ftp", "ws", "wss", "mailto", "tel",
    };

    /// <summary>Why a redirect URI may not be registered, or null when it may.</summary>
    public static string? Problem(string value, IReadOnlyCollection<string> allowedCustomSchemes)
    {
        if (value.Length > 2000 || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return $"'{Shorten(value)}' is not an absolute URI.";
        }
        if (value.Contains('#'))
        {
            return "Redirect URIs must not contain a fragment.";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Redirect URIs must not contain user information.";
        }
        if (Forbidden.Contains(uri.Scheme))
        {
            return $"The scheme '{uri.Scheme}' is not allowed for redirect URIs.";
        }
        return uri.Scheme switch
        {
            "https" => null,
            "http" when IsLoopback(uri) => null,
            "http" => "http redirect URIs are only allowed on loopback addresses (127.0.0.1, [::1], localhost); use https.",
            _ when uri.Scheme.Contains('.') || allowedCustomSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase) => null,
            _ => $"The custom scheme '{uri.Scheme}' is not allowed; use https, loopback http or a reverse-DNS scheme such as com.example.app.",
        };
    }

    /// <summary>
    /// Exact match (of the canonical form, as the store normalizes URIs on registration), except
    /// that loopback http URIs match on any port.
    /// </summary>
    public static bool Matches(string registered, string requested)
    {
        if (string.Equals(registered, requested, StringComparison.Ordinal))
        {
            return true;
        }
        if (!Uri.TryCreate(registered, UriKind.Absolute, out var a) || !Uri.TryCreate(requested, UriKind.Absolute, out var b) ||
            requested.Contains('#') || !string.IsNullOrEmpty(b.UserInfo))
        {
            return false;
        }
        if (string.Equals(a.AbsoluteUri, b.AbsoluteUri, StringComparison.Ordinal))
        {
            return true;
        }
        return a.Scheme == "http" && b.Scheme == "http" && IsLoopback(a) && IsLoopback(b) &&
            string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(a.PathAndQuery, b.PathAndQuery, StringComparison.Ordinal);
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback && (uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    private static string Shorten(string value) => value.Length > 80 ? value[..80] + "…" : value;
}
