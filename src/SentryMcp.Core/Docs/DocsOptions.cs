namespace SentryMcp.Core.Docs;

/// <summary>
/// Where Sentry's documentation is read from (configuration section <c>Docs</c>, or the
/// <c>SENTRY_DOCS_URL</c> environment variable, which wins when set).
/// </summary>
public sealed class DocsOptions
{
    public const string SectionName = "Docs";
    public const string EnvironmentVariable = "SENTRY_DOCS_URL";
    public const string DefaultBaseUrl = "https://docs.sentry.io";

    /// <summary>Base URL of the docs site; <c>{BaseUrl}/llms.txt</c> is its index and <c>{BaseUrl}/{path}.md</c> its pages.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Timeout of one request to the docs site.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the search index built from <c>llms.txt</c> is reused before it is rebuilt.</summary>
    public TimeSpan IndexTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Largest <c>llms.txt</c> accepted.</summary>
    public int MaxIndexBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Largest page read; longer pages are cut with a visible marker.</summary>
    public int MaxPageBytes { get; set; } = 256 * 1024;

    /// <summary>The validated base URL, without a trailing slash.</summary>
    public Uri BaseUri => new(BaseUrl.TrimEnd('/'), UriKind.Absolute);

    public void Validate()
    {
        if (!Uri.TryCreate(BaseUrl?.Trim().TrimEnd('/'), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InvalidOperationException(
                $"The Sentry docs URL '{BaseUrl}' is not usable. Set {EnvironmentVariable} (or Docs:BaseUrl) to an absolute http(s) URL without query, e.g. {DefaultBaseUrl}.");
        }
        if (RequestTimeout <= TimeSpan.Zero || IndexTtl <= TimeSpan.Zero || MaxIndexBytes <= 0 || MaxPageBytes <= 0)
        {
            throw new InvalidOperationException("Docs:RequestTimeout, Docs:IndexTtl, Docs:MaxIndexBytes and Docs:MaxPageBytes must be positive.");
        }
    }
}
