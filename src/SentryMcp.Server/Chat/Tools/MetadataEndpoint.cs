using System.Security.Cryptography;
using System.Text.Json;
using SentryMcp.Server.Chat.McpConnection;
using SentryMcp.Server.Chat.SignIn;

namespace SentryMcp.Server.Chat.Tools;

/// <summary>
/// <c>GET /api/metadata</c>: the tools and prompts of the user's MCP server, cached per session.
/// Works without a model.
/// </summary>
public static class MetadataEndpoint
{
    public static void MapMetadata(this RouteGroupBuilder api)
    {
        api.MapGet("/metadata", (Delegate)GetMetadataAsync);
    }

    private static async Task<IResult> GetMetadataAsync(HttpContext http)
    {
        var (lease, problem) = await McpConnector.ConnectAsync(http, ChatAuthenticator.UserOf(http));
        if (lease is null)
        {
            return problem!;
        }
        using (lease)
        {
            var connection = lease.Connection;
            var (json, etag) = connection.Metadata ??= Build(connection);
            http.Response.Headers.CacheControl = "private, max-age=60";
            http.Response.Headers.ETag = etag;
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(tag => tag.Trim() == etag)))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            return Results.Bytes(json, "application/json");
        }
    }

    private static (byte[] Json, string ETag) Build(McpSessionConnection connection)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            tools = connection.Tools.Select(t => new
            {
                name = t.Name,
                title = t.Title ?? t.ProtocolTool.Annotations?.Title,
                description = t.Description,
                inputSchema = t.ProtocolTool.InputSchema,
                readOnly = McpSessionConnection.IsReadOnly(t),
            }),
            prompts = connection.Prompts.Select(p => new
            {
                name = p.Name,
                title = p.Title,
                description = p.Description ?? "",
                arguments = (p.ProtocolPrompt.Arguments ?? []).Select(a => new { name = a.Name, description = a.Description, required = a.Required == true }),
            }),
        }, JsonSerializerOptions.Web);
        return (json, "\"" + Convert.ToHexStringLower(SHA256.HashData(json))[..32] + "\"");
    }
}
