namespace SentryMcp.Core.Api;

/// <summary>
/// A Sentry web URL split into organization (from a SaaS subdomain or <c>/organizations/{org}/</c>),
/// path segments and query, for the resource kinds <see cref="SentryUrl"/> does not know (replays,
/// profiles). Like it, only URLs on the configured host or its SaaS subdomains are accepted.
/// </summary>
public sealed record SentryWebUrl(string? OrganizationSlug, IReadOnlyList<string> Segments, Uri Uri)
{
    public static SentryWebUrl Parse(string url, SentryHost host, string example)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UserInputException($"'{Shorten(url)}' is not a valid Sentry URL. Expected e.g. {example}.");
        }
        string? org = null;
        var sameHost = string.Equals(uri.Host, host.BaseUri.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == host.BaseUri.Port;
        if (!sameHost)
        {
            if (!(host.IsSaas && uri.Scheme == "https" && uri.Host.EndsWith(".sentry.io", StringComparison.OrdinalIgnoreCase)))
            {
                throw new UserInputException($"The URL '{Shorten(url)}' is not on the configured Sentry host ({host.BaseUri.Host}).");
            }
            var sub = uri.Host[..^".sentry.io".Length];
            // Region hosts (us.sentry.io, de.sentry.io) are not organizations.
            org = sub.Contains('.', StringComparison.Ordinal) || SentryHost.SaasRegionHosts.Contains(uri.Host) ? null : sub;
        }
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments is ["organizations", var pathOrg, ..])
        {
            org = pathOrg;
        }
        return new SentryWebUrl(org, segments, uri);
    }

    /// <summary>The segment after <paramref name="name"/>, if any.</summary>
    public string? After(string name)
    {
        var list = Segments.ToList();
        var at = list.IndexOf(name);
        return at >= 0 && at + 1 < list.Count ? list[at + 1] : null;
    }

    /// <summary>A query parameter's value, or null.</summary>
    public string? Query(string name) =>
        Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => Uri.UnescapeDataString(p[0]) == name)
            .Select(p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "")
            .FirstOrDefault(v => v.Length > 0);

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
