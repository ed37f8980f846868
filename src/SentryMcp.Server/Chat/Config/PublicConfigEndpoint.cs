using Microsoft.Extensions.Options;
using SentryMcp.Server.Hosting;
using SentryMcp.Server.Mcp;
using SentryMcp.Server.Observability;

namespace SentryMcp.Server.Chat.Config;

/// <summary><c>GET /api/config</c>: what the web UI needs to know before anyone signs in.</summary>
public static class PublicConfigEndpoint
{
    public static IResult Get(HttpContext http, IOptions<SentryHostOptions> server, IOptions<ChatApiOptions> chat, BrowserErrorReporting errors)
    {
        var baseUrl = ProtectedResourceMetadata.BaseUrl(http, server.Value);
        return Results.Json(new
        {
            mcpUrl = baseUrl + "/mcp",
            sseUrl = baseUrl + "/sse",
            sandbox = server.Value.UsingSandbox,
            llmConfigured = chat.Value.LlmConfigured,
            model = chat.Value.LlmConfigured ? chat.Value.Model : null,
            version = ChatSetup.Version,
            // Null: the UI does not load the Sentry browser SDK at all.
            sentry = errors.Dsn is null ? null : new { dsn = errors.Dsn, environment = errors.Environment },
        });
    }
}
