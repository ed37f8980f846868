using System.Text.Json;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Hosting;
using SentryMcp.Core.Tools;

namespace SentryMcp.Server.Mcp;

/// <summary>
/// The MCP endpoints: Streamable HTTP at <c>/mcp</c> (stateless: any instance answers any request)
/// and legacy HTTP+SSE at <c>/sse</c>, each also scoped as <c>/{org}</c> and <c>/{org}/{project}</c>.
/// </summary>
public static class McpEndpoints
{
    public const long MaxMessageBytes = 1024 * 1024;
    private static readonly string[] ScopedSuffixes = ["", "/{organizationSlug}", "/{organizationSlug}/{projectSlug}"];

    public static IServiceCollection AddSentryMcpHttp(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<SseSessions>();
        services.AddSingleton<ISseSessionRouter, LocalSseSessionRouter>();
        services.AddSingleton<McpScopeCheck>();
        McpSessionState.AddTo(services);
        services.AddMcpServer().WithHttpTransport(options =>
        {
            options.Stateless = true;
            options.ConfigureSessionOptions = (http, serverOptions, _) =>
            {
                http.RequestServices.GetRequiredService<McpSessionState>()
                    .ConfigureServer(serverOptions, http.RequestServices.GetRequiredService<SentryToolCatalog>());
                SentryMcpServerSetup.RememberLogLevelPerCredential(serverOptions);
                return Task.CompletedTask;
            };
        });
        return services;
    }

    public static void MapSentryMcp(this IEndpointRouteBuilder app)
    {
        foreach (var suffix in ScopedSuffixes)
        {
            app.MapMcp("/mcp" + suffix).RequireAuthorization().AddEndpointFilter(ScopeFilter);
            var sse = app.MapGroup("/sse" + suffix).RequireAuthorization().AddEndpointFilter(ScopeFilter);
            sse.MapGet("", RunSseSessionAsync);
        }
        app.MapPost("/sse/message", PostSseMessageAsync).RequireAuthorization();
    }

    private static async ValueTask<object?> ScopeFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = McpCaller.From(http);
        if (caller is not null && await http.RequestServices.GetRequiredService<McpScopeCheck>().CheckAsync(http, caller) is { } problem)
        {
            return problem;
        }
        return await next(context);
    }

    private static async Task RunSseSessionAsync(HttpContext http, SseSessions sessions, ISseSessionRouter router, SentryToolCatalog catalog, ILoggerFactory loggers, IOptions<SseOptions> sseOptions)
    {
        var caller = McpCaller.From(http)!;
        var ct = http.RequestAborted;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache,no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();

        var sessionId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var stream = new KeepAliveSseStream(http.Response.Body);
        await using var transport = new SseResponseStreamTransport(stream, $"{http.Request.PathBase}/sse/message?sessionId={sessionId}", sessionId);
        await using var scope = http.RequestServices.CreateAsyncScope();
        var state = scope.ServiceProvider.GetRequiredService<McpSessionState>();
        state.Set(caller, McpScopeCheck.ConstraintsFor(http));
        var options = new McpServerOptions { ScopeRequests = false };
        state.ConfigureServer(options, catalog);

        var session = new SseSession(sessionId, caller.UserId, transport);
        sessions.Add(session);
        try
        {
            await router.OpenedAsync(session, ct);
            var transportTask = transport.RunAsync(ct);
            var keepAlive = stream.RunKeepAliveAsync(sseOptions.Value.KeepAliveInterval, ct);
            await using (var server = McpServer.Create(transport, options, loggers, scope.ServiceProvider))
            {
                try
                {
                    await server.RunAsync(ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // The client closed the stream.
                }
            }
            await transport.DisposeAsync();
            await transportTask;
            await keepAlive;
        }
        finally
        {
            sessions.Remove(sessionId);
            await router.ClosedAsync(session);
        }
    }

    private static async Task<IResult> PostSseMessageAsync(HttpContext http, SseSessions sessions, ISseSessionRouter router, string? sessionId)
    {
        var caller = McpCaller.From(http)!;
        var session = string.IsNullOrEmpty(sessionId) ? null : sessions.Find(sessionId);
        if (string.IsNullOrEmpty(sessionId) || (session is not null && session.UserId != caller.UserId))
        {
            return UnknownSession();
        }
        JsonRpcMessage? message;
        try
        {
            message = await JsonSerializer.DeserializeAsync<JsonRpcMessage>(http.Request.Body, McpJsonUtilities.DefaultOptions, http.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Problem(400, "Malformed JSON-RPC message", ex.Message, "INVALID_JSON_RPC");
        }
        if (message is null)
        {
            return Problem(400, "Malformed JSON-RPC message", "The body must be one JSON-RPC message.", "INVALID_JSON_RPC");
        }
        if (session is not null)
        {
            await session.Transport.OnMessageReceivedAsync(message, http.RequestAborted);
        }
        else if (!await router.ForwardAsync(sessionId, caller.UserId, message, http.RequestAborted))
        {
            return UnknownSession();
        }
        return Results.Text("Accepted", statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult UnknownSession() =>
        Problem(404, "Unknown session", "No open SSE session with this id belongs to you. Open GET /sse first.", "SESSION_NOT_FOUND");

    internal static IResult Problem(int status, string title, string detail, string code) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
}

public sealed class SseOptions
{
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
}
