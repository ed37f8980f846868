using System.Text;
using Microsoft.Extensions.Options;
using SentryMcp.Core.Hosting;
using SentryMcp.Server.Mcp;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Hosting;

/// <summary>Health probes and the small public documents: robots.txt, llms.txt, mcp.json.</summary>
public static class SiteEndpoints
{
    public static WebApplicationBuilder AddSiteEndpoints(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient("readiness");
        return builder;
    }

    public static void MapSiteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Json(new { status = "ok" }));
        app.MapGet("/readyz", ReadyAsync);
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /api/\nDisallow: /oauth/\nDisallow: /mcp\nDisallow: /sse\nAllow: /\n", "text/plain"));
        app.MapGet("/llms.txt", (HttpContext http, IOptions<SentryHostOptions> options) =>
        {
            var baseUrl = ProtectedResourceMetadata.BaseUrl(http, options.Value);
            var text = new StringBuilder()
                .AppendLine("# Sentry MCP")
                .AppendLine()
                .AppendLine("> A Model Context Protocol server for Sentry: search and inspect issues, events, traces and releases, triage issues, ask Seer for root causes, and search Sentry's documentation.")
                .AppendLine()
                .AppendLine($"- MCP endpoint (Streamable HTTP): {baseUrl}/mcp")
                .AppendLine($"- Legacy SSE endpoint: {baseUrl}/sse")
                .AppendLine($"- Scoped endpoints: {baseUrl}/mcp/{{organizationSlug}} and {baseUrl}/mcp/{{organizationSlug}}/{{projectSlug}}")
                .AppendLine("- Authentication: OAuth 2.1 (discovered from the 401 response), or 'Authorization: Sentry-Bearer <Sentry user auth token>'.")
                .AppendLine($"- Sentry host: {(options.Value.UsingSandbox ? "built-in sandbox (demo data)" : options.Value.SentryHost.BaseUri.ToString())}")
                .ToString();
            return Results.Text(text, "text/plain; charset=utf-8");
        });
        app.MapGet("/mcp.json", (HttpContext http, IOptions<SentryHostOptions> options) => Results.Json(new
        {
            name = SentryMcpServerSetup.ServerName,
            title = "Sentry MCP",
            version = SentryMcpServerSetup.Version,
            description = SentryMcpServerSetup.Instructions,
            endpoint = ProtectedResourceMetadata.BaseUrl(http, options.Value) + Routes.Mcp,
            transport = "streamable-http",
            sse = ProtectedResourceMetadata.BaseUrl(http, options.Value) + Routes.Sse,
            sandbox = options.Value.UsingSandbox,
        }));
    }

    private static async Task<IResult> ReadyAsync(IOptions<SentryHostOptions> options, IHttpClientFactory http, CancellationToken ct)
    {
        StartupTrace.MarkOnce("first /readyz: request reached the endpoint");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        var sentry = "reachable";
        try
        {
            using var response = await http.CreateClient("readiness").GetAsync(new Uri(options.Value.SentryHost.BaseUri, "api/0/"), timeout.Token);
            if ((int)response.StatusCode >= 500)
            {
                sentry = $"HTTP {(int)response.StatusCode}";
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            sentry = "unreachable";
        }
        StartupTrace.MarkOnce("first /readyz: Sentry host answered");
        var ready = sentry == "reachable";
        return Results.Json(new { status = ready ? "ready" : "not ready", sentry }, statusCode: ready ? 200 : 503);
    }
}
