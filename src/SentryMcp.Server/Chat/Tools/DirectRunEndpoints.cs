using System.Text.Json;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using SentryMcp.Server.Chat.Agent;
using SentryMcp.Server.Chat.Config;
using SentryMcp.Server.Chat.McpConnection;
using SentryMcp.Server.Chat.SignIn;

namespace SentryMcp.Server.Chat.Tools;

/// <summary>
/// <c>POST /api/tools/{name}</c> (run one tool; write tools need <c>confirm</c>) and
/// <c>POST /api/prompts/{name}</c> (expand a prompt through prompts/get): the UI's direct runs, without a model.
/// </summary>
public static class DirectRunEndpoints
{
    public static void MapDirectRuns(this RouteGroupBuilder api)
    {
        api.MapPost("/tools/{name}", RunToolAsync);
        api.MapPost("/prompts/{name}", RunPromptAsync);
    }

    private static async Task<IResult> RunToolAsync(HttpContext http, string name, IOptions<ChatApiOptions> options)
    {
        const string Expected = "Send a JSON object: { \"arguments\": { ... }, \"confirm\": true|false }.";
        var (body, invalid) = await ReadBodyAsync(http, options.Value.MaxBodyBytes, Expected);
        if (invalid is not null)
        {
            return invalid;
        }
        if (body.TryGetProperty("confirm", out var confirm) && confirm.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return ChatProblems.Of(400, "INVALID_REQUEST", Expected);
        }
        var (lease, problem) = await McpConnector.ConnectAsync(http, ChatAuthenticator.UserOf(http));
        if (lease is null)
        {
            return problem!;
        }
        using (lease)
        {
            if (lease.Connection.FindTool(name) is not { } tool)
            {
                return ChatProblems.Of(404, "UNKNOWN_TOOL", $"There is no tool named '{name}' for you. GET /api/metadata lists them.");
            }
            if (!McpSessionConnection.IsReadOnly(tool) && !(body.TryGetProperty("confirm", out var confirmed) && confirmed.ValueKind == JsonValueKind.True))
            {
                return ChatProblems.Of(409, "APPROVAL_REQUIRED", $"'{name}' changes data in Sentry. Send \"confirm\": true to run it.");
            }
            try
            {
                var result = await lease.Connection.Client.CallToolAsync(name, ToolResults.Arguments(Member(body, "arguments")), cancellationToken: http.RequestAborted);
                return Results.Json(new
                {
                    isError = result.IsError == true,
                    content = ToolResults.ForUi(result, options.Value.MaxToolResultChars),
                    structuredContent = ToolResults.StructuredForUi(result, options.Value.MaxToolResultChars),
                });
            }
            catch (McpException ex)
            {
                return Results.Json(new { isError = true, content = new[] { new { type = "text", text = ex.Message } } });
            }
            catch (HttpRequestException ex)
            {
                return await ConnectionLostAsync(http, ex);
            }
        }
    }

    private static async Task<IResult> RunPromptAsync(HttpContext http, string name, IOptions<ChatApiOptions> options)
    {
        var (body, invalid) = await ReadBodyAsync(http, options.Value.MaxBodyBytes, "Send a JSON object: { \"arguments\": { ... } }.");
        if (invalid is not null)
        {
            return invalid;
        }
        var (lease, problem) = await McpConnector.ConnectAsync(http, ChatAuthenticator.UserOf(http));
        if (lease is null)
        {
            return problem!;
        }
        using (lease)
        {
            try
            {
                var outcome = await PromptExpander.ExpandAsync(lease.Connection, name, Member(body, "arguments"), http.RequestAborted);
                return outcome.Problem ?? Results.Json(new { messages = outcome.Messages.Select(m => new { role = m.Role, text = m.Text }) });
            }
            catch (HttpRequestException ex)
            {
                return await ConnectionLostAsync(http, ex);
            }
        }
    }

    private static async Task<IResult> ConnectionLostAsync(HttpContext http, HttpRequestException ex)
    {
        if (McpConnections.IsRateLimited(ex))
        {
            // The connection is fine; only this request was refused.
            return ChatProblems.McpRateLimited(http);
        }
        var user = ChatAuthenticator.UserOf(http);
        http.RequestServices.GetRequiredService<McpConnections>().Evict(user.SessionId);
        if (McpConnections.IsUnauthorized(ex))
        {
            await http.RequestServices.GetRequiredService<ChatAuthenticator>().EndAsync(http, user.SessionId);
            return ChatProblems.AuthExpired();
        }
        return ChatProblems.McpUnavailable();
    }

    private static JsonElement? Member(JsonElement body, string name) => body.TryGetProperty(name, out var value) ? value : null;

    /// <summary>
    /// The body as a JSON object whose <c>arguments</c>, when present, is an object; otherwise the
    /// problem (413 past the limit, 400 with <paramref name="expected"/> for anything else, invalid UTF-8 included).
    /// </summary>
    private static async Task<(JsonElement Body, IResult? Problem)> ReadBodyAsync(HttpContext http, int limit, string expected)
    {
        if (await RequestBody.ReadAsync(http, limit) is not { } bytes)
        {
            return (default, ChatProblems.Of(413, "REQUEST_TOO_LARGE", $"The body is larger than {limit:N0} bytes."));
        }
        try
        {
            if (RequestBody.IsValidUtf8(bytes))
            {
                var body = JsonSerializer.Deserialize<JsonElement>(bytes.Span);
                if (body.ValueKind == JsonValueKind.Object &&
                    (!body.TryGetProperty("arguments", out var arguments) || arguments.ValueKind is JsonValueKind.Object or JsonValueKind.Null))
                {
                    return (body, null);
                }
            }
        }
        catch (JsonException)
        {
        }
        return (default, ChatProblems.Of(400, "INVALID_REQUEST", expected));
    }
}
