using System.Text.Json;
using ModelContextProtocol.Protocol;
using SentryMcp.Core.Tools;
using SentryMcp.Server.Auth;
using SentryMcp.Server.Hosting;

namespace SentryMcp.Server.Mcp;

/// <summary>
/// Step-up authorization (MCP 2025-11-25, "Scope Challenge Handling"): <c>tools/call</c> of a tool
/// whose permission group the token was not granted answers HTTP 403 with <c>WWW-Authenticate: Bearer
/// error="insufficient_scope", scope="…"</c> naming the granted scopes plus the one the tool needs,
/// so the client can ask the user for just that group. <c>tools/list</c> stays filtered: a model is
/// not offered tools it cannot use, but a client that knows a tool's name learns how to unlock it.
/// Tools hidden for other reasons (scoped URLs) and unknown names keep the SDK's JSON-RPC error.
/// </summary>
public static class ToolScopeChallenge
{
    /// <summary>For Streamable HTTP POSTs: reads the body (buffered, then rewound for the SDK).</summary>
    public static async Task<IResult?> CheckAsync(HttpContext http, McpCaller caller)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || caller.Groups.Count == ToolSelection.AllGroups.Count)
        {
            // Full grants (and Sentry-Bearer callers) skip the extra parse: the MCP hot path.
            return null;
        }
        http.Request.EnableBuffering();
        string? tool;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            tool = ToolCalled(document.RootElement);
        }
        catch (JsonException)
        {
            // Malformed JSON is the SDK's to answer (a JSON-RPC parse error).
            tool = null;
        }
        finally
        {
            http.Request.Body.Position = 0;
        }
        return Challenge(http, caller, tool);
    }

    /// <summary>For legacy SSE messages, already parsed.</summary>
    public static IResult? Check(HttpContext http, McpCaller caller, JsonRpcMessage message) =>
        message is JsonRpcRequest { Method: RequestMethods.ToolsCall, Params: { } parameters } &&
        parameters.AsObject()["name"] is { } name && name.GetValueKind() == JsonValueKind.String
            ? Challenge(http, caller, name.GetValue<string>())
            : null;

    private static string? ToolCalled(JsonElement root)
    {
        // One message per POST (2025-06-18 and later); older clients may batch, so look at each.
        foreach (var message in root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : Enumerable.Repeat(root, 1))
        {
            if (message.ValueKind == JsonValueKind.Object &&
                message.TryGetProperty("method", out var method) && method.ValueEquals(RequestMethods.ToolsCall) &&
                message.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object &&
                parameters.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                return name.GetString();
            }
        }
        return null;
    }

    private static IResult? Challenge(HttpContext http, McpCaller caller, string? tool)
    {
        if (tool is null)
        {
            return null;
        }
        var catalog = http.RequestServices.GetRequiredService<SentryToolCatalog>();
        if (catalog.All.FirstOrDefault(t => t.Name == tool) is not { } descriptor || caller.Groups.Contains(descriptor.Group))
        {
            return null;
        }
        var needed = caller.Groups.Append(PermissionGroup.Read).Append(descriptor.Group).Distinct().Order().Select(g => PermissionScopes.Scope[g]);
        var scope = string.Join(' ', needed);
        var server = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SentryHostOptions>>().Value;
        http.Response.Headers.WWWAuthenticate = McpAuthenticationHandler.Challenge("insufficient_scope", scope, ProtectedResourceMetadata.MetadataUrl(http, server));
        return Results.Problem(statusCode: 403, title: "Permission not granted",
            detail: $"The tool '{tool}' needs the {SkillName(descriptor.Group)} permission ('{PermissionScopes.Scope[descriptor.Group]}'), which this sign-in did not grant. Sign in again with scope \"{scope}\".",
            extensions: new Dictionary<string, object?> { ["code"] = "INSUFFICIENT_SCOPE", ["scope"] = scope });
    }

    /// <summary>A group as the consent page words it: the skill it grants.</summary>
    private static string SkillName(PermissionGroup group) =>
        SentrySkills.OfGroup(group).Select(SentrySkills.Get).FirstOrDefault(s => !s.Deprecated)?.Name is { } name ? $"\"{name}\"" : group.ToString();
}
