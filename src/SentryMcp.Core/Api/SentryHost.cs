namespace SentryMcp.Core.Api;

/// <summary>
/// The Sentry installation the server talks to: SaaS (sentry.io and its region hosts) or a
/// self-hosted host. Self-hosted installations ignore region URLs so that every request stays on
/// the configured host.
/// </summary>
public sealed record SentryHost
{
    public const string SaasHost = "sentry.io";

    /// <summary>Region hosts a SaaS organization may live on. Anything else is refused (SSRF).</summary>
    public static readonly IReadOnlySet<string> SaasRegionHosts =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "sentry.io", "us.sentry.io", "de.sentry.io" };

    public SentryHost(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (baseUri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Sentry host must be an http(s) URL, got '{baseUri}'.", nameof(baseUri));
        }
        BaseUri = new Uri(baseUri.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>Scheme, host and port, ending with a slash, e.g. <c>https://sentry.io/</c>.</summary>
    public Uri BaseUri { get; }

    public bool IsSaas => SaasRegionHosts.Contains(BaseUri.Host) && BaseUri.Scheme == "https";

    public static SentryHost Default { get; } = new(new Uri("https://sentry.io"));

    /// <summary>
    /// Parses the CLI/env form: <c>host[:port]</c> (https unless <paramref name="insecureHttp"/>)
    /// or a full http(s) URL.
    /// </summary>
    public static bool TryParse(string? value, bool insecureHttp, out SentryHost? host, out string? error)
    {
        host = null;
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            host = Default;
            return true;
        }
        var text = value.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = (insecureHttp ? "http://" : "https://") + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo)
            || (uri.AbsolutePath.Length > 1) || !string.IsNullOrEmpty(uri.Query))
        {
            error = $"Invalid Sentry host '{value}'. Use a host name with an optional port, e.g. 'sentry.example.com' or 'localhost:9000'.";
            return false;
        }
        if (uri.Scheme == "http" && !insecureHttp && !value.Contains("://", StringComparison.Ordinal))
        {
            error = "Plain http needs --insecure-http.";
            return false;
        }
        host = new SentryHost(uri);
        return true;
    }

    /// <summary>Web UI link for an organization, following SaaS subdomain style where it applies.</summary>
    public string OrganizationUrl(string organizationSlug) =>
        IsSaas
            ? $"https://{Uri.EscapeDataString(organizationSlug)}.sentry.io/"
            : $"{BaseUri}organizations/{Uri.EscapeDataString(organizationSlug)}/";

    public string IssueUrl(string organizationSlug, string shortIdOrId) =>
        $"{OrganizationUrl(organizationSlug)}issues/{Uri.EscapeDataString(shortIdOrId)}/";

    public string TraceUrl(string organizationSlug, string traceId) =>
        $"{OrganizationUrl(organizationSlug)}explore/traces/trace/{Uri.EscapeDataString(traceId)}/";

    public string ProjectUrl(string organizationSlug, string projectSlug) =>
        $"{OrganizationUrl(organizationSlug)}projects/{Uri.EscapeDataString(projectSlug)}/";

    /// <summary>
    /// The API base for a request. Region URLs are honoured only on SaaS and only for allow-listed
    /// https region hosts; an invalid one is a user error, never a silent redirect.
    /// </summary>
    public Uri ApiBaseFor(string? regionUrl)
    {
        if (string.IsNullOrWhiteSpace(regionUrl) || !IsSaas)
        {
            return BaseUri;
        }
        if (!Uri.TryCreate(regionUrl, UriKind.Absolute, out var region) || region.Scheme != "https"
            || !string.IsNullOrEmpty(region.UserInfo) || !region.IsDefaultPort
            || !SaasRegionHosts.Contains(region.Host))
        {
            throw new UserInputException(
                $"Invalid regionUrl '{regionUrl}'. It must be an https Sentry region URL ({string.Join(", ", SaasRegionHosts.Select(h => "https://" + h))}), as returned by find_organizations.");
        }
        return new Uri($"https://{region.Host.ToLowerInvariant()}/");
    }
}
