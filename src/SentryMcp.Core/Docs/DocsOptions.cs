using Microsoft.Extensions.Options;
using SentryMcp.Core.Hosting;

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
}

/// <summary>Every unusable <see cref="DocsOptions"/> setting, with how to fix it.</summary>
public sealed class DocsOptionsValidator : IValidateOptions<DocsOptions>
{
    public ValidateOptionsResult Validate(string? name, DocsOptions options) => new OptionsProblems()
        .Require(Uri.TryCreate(options.BaseUrl?.Trim().TrimEnd('/'), UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo),
            $"The Sentry docs URL '{options.BaseUrl}' is not usable. Set {DocsOptions.EnvironmentVariable} (or Docs:BaseUrl) to an absolute http(s) URL without query, e.g. {DocsOptions.DefaultBaseUrl}.")
        .Require(options.RequestTimeout > TimeSpan.Zero, "Docs:RequestTimeout must be positive, e.g. 00:00:15.")
        .Require(options.IndexTtl > TimeSpan.Zero, "Docs:IndexTtl must be positive, e.g. 01:00:00.")
        .Require(options.MaxIndexBytes > 0, "Docs:MaxIndexBytes must be positive, e.g. 8388608.")
        .Require(options.MaxPageBytes > 0, "Docs:MaxPageBytes must be positive, e.g. 262144.")
        .Result;
}
