using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SentryMcp.Server.Tests.Robustness;

/// <summary>
/// Enumerates the host's route table: every route is either on the explicit public list below or
/// refuses an anonymous request. A new route therefore cannot be forgotten: it fails this test until
/// it requires authentication or is consciously added to the public list.
/// </summary>
public sealed class RouteAuthorizationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    /// <summary>Routes meant to be reachable without credentials, with the reason.</summary>
    private static readonly Dictionary<string, string> PublicRoutes = new(StringComparer.Ordinal)
    {
        ["/healthz"] = "liveness probe",
        ["/readyz"] = "readiness probe",
        ["/robots.txt"] = "crawler policy",
        ["/llms.txt"] = "describes the server to agents",
        ["/mcp.json"] = "server card",
        ["/.well-known/oauth-protected-resource"] = "RFC 9728: discovery before authentication",
        ["/.well-known/oauth-protected-resource/mcp"] = "RFC 9728",
        ["/.well-known/oauth-protected-resource/mcp/{organizationSlug}"] = "RFC 9728",
        ["/.well-known/oauth-protected-resource/mcp/{organizationSlug}/{projectSlug}"] = "RFC 9728",
        ["/oauth/authorize"] = "OAuth: the user signs in here",
        ["/oauth/token"] = "OAuth: clients authenticate in the body",
        ["/oauth/register"] = "RFC 7591 dynamic registration",
        ["/oauth/revoke"] = "RFC 7009: clients authenticate in the body",
        ["/oauth/callback"] = "upstream Sentry sign-in returns here",
        ["/oauth/consent/consent.css"] = "stylesheet of the consent page",
        ["/api/config"] = "public facts the UI shows before sign-in",
        ["/api/auth/login"] = "starts the chat sign-in",
        ["/api/auth/callback"] = "chat sign-in returns here",
        ["/api/auth/status"] = "tells the UI whether a session exists",
        ["/api/auth/popup.js"] = "script of the sign-in popup page",
        ["/api/auth/logout"] = "ends the caller's session if there is one (idempotent, same-origin and JSON only)",
    };

    private static readonly HashSet<string> SpaFallbackPatterns = ["{*path:nonfile}", "/{*path:nonfile}"];

    [Fact]
    public async Task Every_route_is_public_by_decision_or_refuses_anonymous_requests()
    {
        var endpoints = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var unprotected = new List<string>();
        var probed = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (PublicRoutes.ContainsKey(pattern) || SpaFallbackPatterns.Contains(endpoint.RoutePattern.RawText ?? ""))
            {
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var path = pattern.Replace("{organizationSlug}", "acme", StringComparison.Ordinal)
                    .Replace("{projectSlug}", "api-backend", StringComparison.Ordinal)
                    .Replace("{name}", "whoami", StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
                using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                probed++;
                if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
                {
                    unprotected.Add($"{method} {pattern} → {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(probed >= 7, $"only {probed} protected routes probed: the route table looks incomplete");
        Assert.True(unprotected.Count == 0, "Routes answering anonymous requests without being on the public list:\n" + string.Join("\n", unprotected));
    }
}
