using System.Net;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using SentryMcp.Core.Api;

namespace SentryMcp.Core.Docs;

/// <summary>The docs site could not be reached or failed; the message is meant for the model.</summary>
public sealed class DocsUnavailableException(string message, Exception? inner = null) : McpException(message, inner);

/// <summary>A docs page as markdown; <see cref="Truncated"/> when it was cut at the size cap.</summary>
public sealed record DocsPage(string Path, Uri Url, string Markdown, bool Truncated);

/// <summary>
/// Reads the configured docs site, and nothing else: every URL comes from <see cref="DocsPath"/>,
/// redirects are followed only while they stay on the site, and bodies are size-capped.
/// </summary>
public sealed class DocsClient(IHttpClientFactory httpClientFactory, IOptions<DocsOptions> options)
{
    public const string HttpClientName = "sentry-docs";
    private const int MaxRedirects = 3;

    private readonly DocsOptions _options = options.Value;

    public Uri BaseUri { get; } = options.Value.BaseUri;

    public string Host => BaseUri.Authority;

    /// <summary>The site's <c>llms.txt</c>; fails when it is missing or larger than the cap.</summary>
    public async Task<string> GetIndexTextAsync(CancellationToken ct)
    {
        var url = new Uri(BaseUri.AbsoluteUri.TrimEnd('/') + "/llms.txt");
        var (status, text, truncated) = await GetTextAsync(url, _options.MaxIndexBytes, ct).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            throw new DocsUnavailableException($"**Sentry Docs Error** (HTTP {(int)status}): the documentation index at {url} could not be read. Try again later.");
        }
        if (truncated)
        {
            throw new DocsUnavailableException($"**Sentry Docs Error**: the documentation index at {url} is larger than {_options.MaxIndexBytes} bytes.");
        }
        return text;
    }

    /// <summary>A page by normalized path (see <see cref="DocsPath.Normalize"/>); null when the site has no such page.</summary>
    public async Task<DocsPage?> GetPageAsync(string normalizedPath, CancellationToken ct)
    {
        var url = DocsPath.PageUri(normalizedPath, BaseUri);
        var (status, text, truncated) = await GetTextAsync(url, _options.MaxPageBytes, ct).ConfigureAwait(false);
        if (status is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }
        if (status != HttpStatusCode.OK)
        {
            throw new DocsUnavailableException($"**Sentry Docs Error** (HTTP {(int)status}): {Host} failed to return {normalizedPath}. Try again later.");
        }
        var start = text.TrimStart();
        if (start.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserInputException($"{normalizedPath} returned an HTML page instead of markdown; the path is probably wrong. Use a path from search_docs results.");
        }
        return new DocsPage(normalizedPath, url, text, truncated);
    }

    private async Task<(HttpStatusCode Status, string Text, bool Truncated)> GetTextAsync(Uri url, int maxBytes, CancellationToken ct)
    {
        var http = httpClientFactory.CreateClient(HttpClientName);
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Accept.ParseAdd("text/markdown, text/plain;q=0.9");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location && hop < MaxRedirects)
                {
                    var next = new Uri(url, location);
                    if (!DocsPath.IsWithin(next, BaseUri))
                    {
                        throw new DocsUnavailableException($"**Sentry Docs Error**: {url.AbsolutePath} redirects away from {Host}; the redirect was not followed.");
                    }
                    url = next;
                    continue;
                }
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return (response.StatusCode, string.Empty, false);
                }
                var (text, truncated) = await ReadCappedAsync(response.Content, maxBytes, ct).ConfigureAwait(false);
                return (response.StatusCode, text, truncated);
            }
        }
        catch (HttpRequestException ex)
        {
            throw new DocsUnavailableException($"**Sentry Docs Unavailable**: could not reach {Host} ({ex.HttpRequestError}). Try again later.", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new DocsUnavailableException($"**Sentry Docs Unavailable**: {Host} did not answer within {_options.RequestTimeout.TotalSeconds:0} seconds. Try again later.", ex);
        }
    }

    private static async Task<(string Text, bool Truncated)> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken ct)
    {
        if (content.Headers.ContentLength is { } length && length > maxBytes * 4L)
        {
            throw new DocsUnavailableException($"**Sentry Docs Error**: the response is {length} bytes, more than this server reads.");
        }
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var buffer = new byte[maxBytes + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        var truncated = read > maxBytes;
        var text = System.Text.Encoding.UTF8.GetString(buffer, 0, Math.Min(read, maxBytes));
        return (truncated ? text.TrimEnd('\uFFFD') : text, truncated);
    }
}
