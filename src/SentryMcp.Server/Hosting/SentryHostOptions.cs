using Microsoft.Extensions.Options;
using SentryMcp.Core.Api;
using SentryMcp.Core.Hosting;

namespace SentryMcp.Server.Hosting;

/// <summary>
/// Where Sentry is and how callers may authenticate. Bound from configuration section <c>Sentry</c>
/// and the environment variables <c>SENTRY_HOST</c>, <c>SENTRY_DOCS_URL</c>.
/// </summary>
public sealed class SentryHostOptions
{
    /// <summary>Sentry base URL: https://sentry.io, a self-hosted URL, or (http) the sandbox.</summary>
    public string? Host { get; set; }

    /// <summary>Accept <c>Authorization: Sentry-Bearer &lt;Sentry user token&gt;</c> on the MCP endpoints.</summary>
    public bool AllowSentryBearer { get; set; } = true;

    /// <summary>Public base URL of this server (behind a proxy); derived from the request when unset.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Host names accepted in the Host header and Origin header (DNS-rebinding protection).</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>True when the embedded sandbox serves as Sentry (no Sentry host or credentials configured).</summary>
    public bool UsingSandbox { get; set; }

    public SentryHost SentryHost => new(new Uri(Host ?? "https://sentry.io"));
}

/// <summary>Every unusable <see cref="SentryHostOptions"/> setting, with how to fix it.</summary>
public sealed class SentryHostOptionsValidator : IValidateOptions<SentryHostOptions>
{
    public ValidateOptionsResult Validate(string? name, SentryHostOptions options) => new OptionsProblems()
        .Require(options.Host is null || (Uri.TryCreate(options.Host, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath.Length <= 1),
            $"SENTRY_HOST '{options.Host}' is not valid: use a base URL such as https://sentry.io or https://sentry.example.com.")
        // An origin only: the OAuth issuer, its endpoints and the MCP URLs all hang off it, and a path
        // prefix would need every one of them (and the proxy) rewritten.
        .Require(options.PublicUrl is null || (Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var publicUri) && publicUri.Scheme is "http" or "https" &&
            publicUri.AbsolutePath.Length <= 1 && publicUri.Query.Length == 0 && publicUri.Fragment.Length == 0 && publicUri.UserInfo.Length == 0),
            $"PUBLIC_URL '{options.PublicUrl}' is not valid: use the origin clients reach this server at, such as https://mcp.example.com (no path).")
        .Result;
}
