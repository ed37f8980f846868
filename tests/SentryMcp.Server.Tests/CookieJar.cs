using System.Net;

namespace SentryMcp.Server.Tests;

/// <summary>A browser's cookie store above any proxy or routing handler, so cookies (and their Secure flag) are judged against the URL the browser sees.</summary>
public sealed class CookieJar(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly CookieContainer _container = new();

    /// <summary>Every Set-Cookie header received, in order.</summary>
    public List<string> SetCookies { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var header = _container.GetCookieHeader(uri);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                SetCookies.Add(value);
                _container.SetCookies(uri, value);
            }
        }
        return response;
    }

    public string SetCookie(string namePrefix) => SetCookies.Last(c => c.StartsWith(namePrefix, StringComparison.Ordinal));
}
