using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Hosting;
using SentryMcp.Core.Tools;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Mcp;

/// <summary>
/// The MCP endpoints: Streamable HTTP at <c>/mcp</c> (stateless: any instance answers any request)
/// and legacy HTTP+SSE at <c>/sse</c>, each also scoped as <c>/{org}</c> and <c>/{org}/{project}</c>.
/// </summary>
public static class McpEndpoints
{
    public const long MaxMessageBytes = 1024 * 1024;
    private static readonly string[] ScopedSuffixes = ["", "/{organizationSlug}", "/{organizationSlug}/{projectSlug}"];

    /// <summary>
    /// The MCP endpoints' own services: the <c>Mcp</c> authentication scheme (the default one), SSE
    /// settings, the token cache and the CORS policy of the protected-resource metadata.
    /// </summary>
    public static WebApplicationBuilder AddMcpEndpoints(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMemoryCache();
        services.AddSentryMcpHttp();
        services.AddOptions<SseOptions>().BindConfiguration("Sse").ValidateWith<SseOptions, SseOptionsValidator>();
        services.AddAuthentication(McpCaller.AuthenticationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, McpAuthenticationHandler>(McpCaller.AuthenticationScheme, null);
        services.AddCors(o => o.AddPolicy(ProtectedResourceMetadata.CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET").AllowAnyHeader()));
        return builder;
    }

    public static IServiceCollection AddSentryMcpHttp(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
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
            app.MapMcp(Routes.Mcp + suffix).RequireAuthorization().AddEndpointFilter(ScopeFilter);
            app.MapStatelessMethods(Routes.Mcp + suffix);
            var sse = app.MapGroup(Routes.Sse + suffix).RequireAuthorization().AddEndpointFilter(ScopeFilter);
            sse.MapGet("", RunSseSessionAsync);
        }
        app.MapPost(Routes.SseMessage, PostSseMessageAsync).RequireAuthorization();
    }

    private static async ValueTask<object?> ScopeFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = McpCaller.From(http);
        if (caller is not null && await http.RequestServices.GetRequiredService<McpScopeCheck>().CheckAsync(http, caller) is { } problem)
        {
            return problem;
        }
        if (caller is not null && McpToolQuery.Read(http, caller, McpScopeCheck.CapabilitiesOf(http)) is { } badQuery)
        {
            return badQuery;
        }
        if (caller is not null && await ToolScopeChallenge.CheckAsync(http, caller) is { } challenge)
        {
            return challenge;
        }
        return await next(context);
    }

    private static async Task RunSseSessionAsync(HttpContext http, SseSessions sessions, ISseSessionRouter router, SentryToolCatalog catalog, ILoggerFactory loggers,
        IOptions<SseOptions> sseOptions, TimeProvider clock)
    {
        var caller = McpCaller.From(http)!;
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

        // The stream ends when the client leaves, or when its grant is revoked or its token expires.
        using var session = new SseSession(sessionId, caller, transport, clock);
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, session.Ended);
        var ct = lifetime.Token;
        sessions.Add(session);
        try
        {
            // A revocation between authentication and Add found no stream to end: look once more.
            if (session.GrantId is { } grantId && http.RequestServices.GetService<IMcpGrantStatus>() is { } grants && !await grants.IsActiveAsync(grantId, ct))
            {
                return;
            }
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
                    // The client closed the stream, or the session ended.
                }
            }
            await transport.DisposeAsync();
            try
            {
                await transportTask;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The transport stops waiting when the session ends: the response then completes normally.
            }
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
        if (session is not null && session.Credential != caller.Credential)
        {
            return OtherCredential();
        }
        JsonRpcMessage? message;
        try
        {
            message = await JsonSerializer.DeserializeAsync<JsonRpcMessage>(http.Request.Body, McpJsonUtilities.DefaultOptions, http.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Problems.Of(400, ErrorCodes.InvalidJsonRpc, ex.Message, title: "Malformed JSON-RPC message");
        }
        if (message is null)
        {
            return Problems.Of(400, ErrorCodes.InvalidJsonRpc, "The body must be one JSON-RPC message.", title: "Malformed JSON-RPC message");
        }
        if (ToolScopeChallenge.Check(http, caller, message) is { } challenge)
        {
            return challenge;
        }
        if (session is not null)
        {
            session.ExtendTo(caller.ExpiresAt);
            await session.Transport.OnMessageReceivedAsync(message, http.RequestAborted);
        }
        else
        {
            switch (await router.ForwardAsync(sessionId, caller, message, http.RequestAborted))
            {
                case SseForwardResult.OtherCredential:
                    return OtherCredential();
                case SseForwardResult.NotFound:
                    return UnknownSession();
            }
        }
        return Results.Text("Accepted", statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult UnknownSession() =>
        Problems.Of(404, ErrorCodes.SessionNotFound, "No open SSE session with this id belongs to you. Open GET /sse first.", title: "Unknown session");

    /// <summary>Same user, another sign-in (or another Sentry token): the stream acts with the credential that opened it.</summary>
    private static IResult OtherCredential() =>
        Problems.Of(403, ErrorCodes.SessionCredentialMismatch, "This SSE session was opened with another sign-in. Post with a token of the sign-in that opened it, or open a new stream with GET /sse.", title: "Another sign-in's session");
}

/// <summary>The legacy HTTP+SSE transport (configuration section <c>Sse</c>).</summary>
public sealed class SseOptions
{
    /// <summary>Pause between two keep-alive comments on an open stream.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
}

public sealed class SseOptionsValidator : IValidateOptions<SseOptions>
{
    public ValidateOptionsResult Validate(string? name, SseOptions options) => new OptionsProblems()
        .Require(options.KeepAliveInterval > TimeSpan.Zero, "Sse:KeepAliveInterval must be positive, e.g. Sse__KeepAliveInterval=00:00:15.")
        .Result;
}
