using SentryMcp.Core.Api;

namespace SentryMcp.Core.Docs;

/// <summary>
/// Turns a caller-supplied docs path or URL into a path on the configured docs site, and refuses
/// anything else: other hosts, schemes, traversal, encoded characters. This is the SSRF guard for
/// every docs fetch, so it allowlists characters instead of trying to spot bad ones.
/// </summary>
public static class DocsPath
{
    private const int MaxLength = 300;

    /// <summary>Normalizes to <c>/a/b/c.md</c>, or throws <see cref="UserInputException"/> saying what is wrong.</summary>
    public static string Normalize(string? input, Uri baseUri)
    {
        var value = input?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            throw new UserInputException("The 'path' parameter is required, e.g. '/platforms/python/guides/django.md'. Use a path from search_docs results.");
        }
        if (value.Length > MaxLength)
        {
            throw new UserInputException($"The documentation path is too long (more than {MaxLength} characters).");
        }
        var path = HasScheme(value) ? PathOfAbsoluteUrl(value, baseUri) : value;
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            throw new UserInputException($"Documentation can only be fetched from {baseUri.Authority}; pass a path like '/platforms/python.md'.");
        }
        var segments = path.Trim('/').Split('/');
        if (segments.Any(s => !IsSafeSegment(s)))
        {
            throw new UserInputException(
                "Invalid documentation path: use a path such as '/platforms/javascript/guides/react.md' made of letters, digits, '-', '_' and '.', without '..', '\\', '%' or query strings.");
        }
        var joined = string.Join('/', segments);
        return "/" + (joined.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? joined : joined + ".md");
    }

    /// <summary>The page URL for a normalized path, checked once more to stay on the docs host.</summary>
    public static Uri PageUri(string normalizedPath, Uri baseUri)
    {
        var uri = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + normalizedPath, UriKind.Absolute);
        if (!IsWithin(uri, baseUri))
        {
            throw new UserInputException($"Documentation can only be fetched from {baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/')}.");
        }
        return uri;
    }

    /// <summary>The human-facing page address (the docs site serves HTML without the <c>.md</c>).</summary>
    public static string WebUrl(string normalizedPath, Uri baseUri) =>
        baseUri.AbsoluteUri.TrimEnd('/') + normalizedPath[..^3];

    public static bool IsWithin(Uri candidate, Uri baseUri) =>
        candidate.Scheme == baseUri.Scheme
        && string.Equals(candidate.Host, baseUri.Host, StringComparison.OrdinalIgnoreCase)
        && candidate.Port == baseUri.Port
        && string.IsNullOrEmpty(candidate.UserInfo)
        && candidate.AbsolutePath.StartsWith(baseUri.AbsolutePath.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static bool HasScheme(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && value[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    private static string PathOfAbsoluteUrl(string value, Uri baseUri)
    {
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UserInputException("Only http(s) links to the Sentry docs site, or paths such as '/platforms/python.md', are accepted.");
        }
        if (!string.Equals(uri.Host, baseUri.Host, StringComparison.OrdinalIgnoreCase) || uri.Port != baseUri.Port || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new UserInputException($"Documentation can only be fetched from {baseUri.Authority}, not from {uri.Authority}.");
        }
        // The raw text is checked, not uri.AbsolutePath: Uri would already have collapsed "..".
        var afterAuthority = value[(schemeEnd + 3)..];
        var slash = afterAuthority.IndexOf('/', StringComparison.Ordinal);
        var rawPath = slash < 0 ? "/" : afterAuthority[slash..];
        var cut = rawPath.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            rawPath = rawPath[..cut];
        }
        var basePath = baseUri.AbsolutePath.TrimEnd('/');
        if (basePath.Length > 0)
        {
            if (!rawPath.StartsWith(basePath + "/", StringComparison.Ordinal))
            {
                throw new UserInputException($"Documentation can only be fetched from under {baseUri.AbsoluteUri.TrimEnd('/')}.");
            }
            rawPath = rawPath[basePath.Length..];
        }
        return rawPath;
    }

    private static bool IsSafeSegment(string segment) =>
        segment.Length is > 0 and <= 100
        && char.IsAsciiLetterOrDigit(segment[0])
        && !segment.Contains("..", StringComparison.Ordinal)
        && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
