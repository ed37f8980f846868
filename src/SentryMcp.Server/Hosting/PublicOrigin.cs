using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SentryMcp.Server.Hosting;

/// <summary>
/// The proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> headers are believed
/// (configuration section <c>ForwardedHeaders</c>). Empty lists mean loopback only: a proxy on the
/// same machine, the set-up docs/deploy.md describes.
/// </summary>
public sealed class TrustedProxies
{
    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// Where the server is reached from outside. Forwarded headers are honoured only from trusted
/// proxies; then, when <c>PUBLIC_URL</c> is set, every request is treated as having arrived at that
/// URL, so every absolute URL the server emits (OAuth issuer, metadata, the redirect URI sent to
/// Sentry, links) and every cookie's <c>Secure</c> flag and HSTS follow it rather than the hop
/// between proxy and server.
/// </summary>
public static class PublicOrigin
{
    public static void AddPublicOrigin(this WebApplicationBuilder builder)
    {
        var trusted = builder.Configuration.GetSection("ForwardedHeaders").Get<TrustedProxies>() ?? new TrustedProxies();
        var proxies = trusted.KnownProxies.Select(ParseProxy).ToList();
        var networks = trusted.KnownNetworks.Select(ParseNetwork).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // X-Forwarded-Host is not taken: the documented proxy passes Host itself, and PUBLIC_URL names the host.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count + networks.Count > 0)
            {
                // Configured proxies replace the loopback default (ASP.NET Core's: 127.0.0.0/8 and ::1).
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                proxies.ForEach(o.KnownProxies.Add);
                networks.ForEach(o.KnownIPNetworks.Add);
            }
        });
    }

    /// <summary>First in the pipeline: the client address and scheme from a trusted proxy.</summary>
    public static void UseForwardedHeadersFromTrustedProxies(this WebApplication app) => app.UseForwardedHeaders();

    /// <summary>
    /// After the Host check (which judges the Host header the client sent): pins scheme and host to
    /// <c>PUBLIC_URL</c>.
    /// </summary>
    public static void UsePublicUrl(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SentryHostOptions>>().Value.PublicUrl is not { } publicUrl)
        {
            return;
        }
        var uri = new Uri(publicUrl);
        // The default port stays implicit, as in the URL: redirect URIs are compared as strings.
        var host = uri.IsDefaultPort ? new HostString(uri.Host) : new HostString(uri.Host, uri.Port);
        app.Use((http, next) =>
        {
            http.Request.Scheme = uri.Scheme;
            http.Request.Host = host;
            return next(http);
        });
    }

    private static IPAddress ParseProxy(string value) => IPAddress.TryParse(value.Trim(), out var address)
        ? address
        : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{value}' is not an IP address (e.g. 10.0.0.5 or fd00::5).");

    private static System.Net.IPNetwork ParseNetwork(string value) => System.Net.IPNetwork.TryParse(value.Trim(), out var network)
        ? network
        : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{value}' is not a network in CIDR form (e.g. 10.0.0.0/24).");
}
