using SentryMcp.Server.Http;

namespace SentryMcp.Server.Security;

/// <summary>Headers every response carries; HSTS only over https.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            // "same-origin", not "no-referrer": under no-referrer browsers send "Origin: null" on
            // same-origin form posts (consent page), which the Origin check must refuse.
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            }
            if (http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }
            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>Bounds request bodies on the MCP endpoints; bigger ones get 413 before being read.</summary>
    public static IApplicationBuilder UseMcpRequestSizeLimit(this IApplicationBuilder app, long maxBytes) => app.Use(async (http, next) =>
    {
        if (RateLimits.IsMcpPath(http.Request.Path))
        {
            if (http.Request.ContentLength > maxBytes)
            {
                await Problems.Of(413, ErrorCodes.RequestTooLarge, $"MCP messages are limited to {maxBytes} bytes.", title: "Request too large").ExecuteAsync(http);
                return;
            }
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = maxBytes;
            }
        }
        await next(http);
    });
}
