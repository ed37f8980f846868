using Microsoft.Extensions.Options;

namespace SentryMcp.Server.Chat.SignIn;

/// <summary>Endpoint filters of the chat API: a live session, and same-origin JSON for cookie-authenticated writes.</summary>
public static class SessionFilters
{
    /// <summary>Every route below needs a live chat session; state-changing ones also a same-origin request.</summary>
    public static async ValueTask<object?> RequireSession(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !IsSameOrigin(http))
        {
            return ForeignOrigin();
        }
        var (outcome, _) = await http.RequestServices.GetRequiredService<ChatAuthenticator>().AuthenticateAsync(http);
        return outcome switch
        {
            ChatAuthenticator.Outcome.Ok when HttpMethods.IsPost(http.Request.Method) && !http.Request.HasJsonContentType() => JsonOnly(),
            ChatAuthenticator.Outcome.Ok => await next(context),
            ChatAuthenticator.Outcome.Expired => ChatProblems.AuthExpired(),
            _ => ChatProblems.MissingAuth(),
        };
    }

    /// <summary>
    /// For cookie-authenticated POSTs outside the session group (logout): our own origin, and JSON, which
    /// another origin can only send after a CORS preflight this server never grants.
    /// </summary>
    public static async ValueTask<object?> SameOriginJsonFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!IsSameOrigin(http))
        {
            return ForeignOrigin();
        }
        return http.Request.HasJsonContentType() ? await next(context) : JsonOnly();
    }

    // A form or text/plain POST is what a cross-site page can send without a CORS preflight.
    private static IResult JsonOnly() => ChatProblems.Of(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON (Content-Type: application/json).");

    private static IResult ForeignOrigin() => ChatProblems.Of(403, "FORBIDDEN_ORIGIN", "Requests from another origin are not allowed.");

    /// <summary>
    /// Cookie-authenticated writes must come from our own pages when the browser names an origin
    /// (SameSite=Lax already keeps cross-site POSTs cookie-less; this also covers same-site subdomains).
    /// Loopback origins on another port are accepted: that is a local dev server proxying to us. A browser
    /// that says the request is not same-origin (<c>Sec-Fetch-Site</c>) is believed whatever the Origin says:
    /// another loopback port is "same-site", never "same-origin", and a dev proxy forwards "same-origin".
    /// </summary>
    private static bool IsSameOrigin(HttpContext http)
    {
        var fetchSite = http.Request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return false;
        }
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }
        var publicUrl = http.RequestServices.GetRequiredService<IOptions<Hosting.SentryHostOptions>>().Value.PublicUrl;
        if (publicUrl is not null && Uri.TryCreate(publicUrl, UriKind.Absolute, out var configured) &&
            string.Equals(configured.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase) && uri.Scheme == http.Request.Scheme)
        {
            return true;
        }
        return SessionCookie.IsLocalDevelopment(http) && uri.IsLoopback;
    }
}
