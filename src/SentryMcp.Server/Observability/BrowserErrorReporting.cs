namespace SentryMcp.Server.Observability;

/// <summary>
/// The web UI's errors to Sentry (<c>SENTRY_BROWSER_DSN</c>): the UI reads the DSN from
/// <c>/api/config</c> and loads the browser SDK only when it is set, and the page CSP then allows
/// <c>connect-src</c> to the DSN's ingest origin, and only then.
/// </summary>
public sealed class BrowserErrorReporting
{
    private BrowserErrorReporting(string? dsn, string? ingestOrigin, string environment)
    {
        Dsn = dsn;
        IngestOrigin = ingestOrigin;
        Environment = environment;
    }

    /// <summary>The public DSN, or null when browser errors are not reported.</summary>
    public string? Dsn { get; }

    /// <summary>Scheme, host and port the SDK posts envelopes to.</summary>
    public string? IngestOrigin { get; }

    public string Environment { get; }

    public static BrowserErrorReporting From(IConfiguration config, string environmentName)
    {
        var environment = config["SENTRY_ENVIRONMENT"] is { Length: > 0 } configured ? configured : environmentName;
        var dsn = config["SENTRY_BROWSER_DSN"]?.Trim();
        if (string.IsNullOrEmpty(dsn))
        {
            return new BrowserErrorReporting(null, null, environment);
        }
        // A DSN is {scheme}://{public key}@{host}[:port]/[path/]{project id}.
        if (!Uri.TryCreate(dsn, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length == 0 ||
            uri.Query.Length > 0 || uri.Fragment.Length > 0 || !ulong.TryParse(uri.AbsolutePath.TrimEnd('/').Split('/')[^1], out _))
        {
            throw new InvalidOperationException(
                "SENTRY_BROWSER_DSN is not a Sentry DSN. Copy the DSN of the Sentry project for the web UI (Project Settings → Client Keys), " +
                "e.g. https://<public key>@o0.ingest.sentry.io/<project id>, or unset it.");
        }
        if (uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            // The legacy "public:secret@" form: the secret must never be sent to browsers.
            throw new InvalidOperationException("SENTRY_BROWSER_DSN contains a secret key (public:secret@…). Use the public DSN, without the secret.");
        }
        // Authority, not GetLeftPart: that would keep the key (user info) in the origin.
        return new BrowserErrorReporting(dsn, $"{uri.Scheme}://{uri.Authority}", environment);
    }
}
