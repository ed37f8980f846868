using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace SentryMcp.Server.Auth;

/// <summary>
/// OpenIddict's application manager with RFC 8252's loopback rule: native clients listen on an
/// ephemeral port, so a registered <c>http://127.0.0.1/callback</c> matches any port.
/// </summary>
public sealed class LoopbackAwareApplicationManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store)
    where TApplication : class
{
    public override async ValueTask<bool> ValidateRedirectUriAsync(TApplication application, string uri, CancellationToken cancellationToken = default)
    {
        foreach (var registered in await GetRedirectUrisAsync(application, cancellationToken))
        {
            if (RedirectUris.Matches(registered, uri))
            {
                return true;
            }
        }
        return false;
    }
}
