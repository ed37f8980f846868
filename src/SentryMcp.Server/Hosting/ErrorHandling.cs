using Microsoft.AspNetCore.Diagnostics;
using SentryMcp.Core.Api;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Hosting;

/// <summary>
/// Every HTTP error is ProblemDetails with a stable <c>code</c>. Exceptions never leak their text:
/// known failures map to 4xx/5xx with a fixed message; anything else is a generic 500 and a log line.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, code, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == 413 ? ErrorCodes.RequestTooLarge : ErrorCodes.BadRequest, "The request could not be read."),
            // Malformed input that a framework layer (form reader, MCP SDK parameter binding) only
            // notices while parsing: the caller's fault, not ours.
            InvalidDataException or System.Text.Json.JsonException => (400, ErrorCodes.BadRequest, "The request body is malformed."),
            SentryUnavailableException => (503, ErrorCodes.SentryUnavailable, "Sentry could not be reached. Try again later."),
            SentryApiException { IsClientError: false } => (502, ErrorCodes.SentryError, "Sentry answered with a server error. Try again later."),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => (499, ErrorCodes.ClientClosed, "The client closed the request."),
            _ => (500, ErrorCodes.InternalError, "An unexpected error occurred."),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        }
        if (http.Response.HasStarted)
        {
            return true;
        }
        http.Response.StatusCode = status;
        if (status == 400 && http.Request.Path.StartsWithSegments(Routes.OAuth))
        {
            // OAuth endpoints answer in OAuth's own error format (RFC 6749 §5.2).
            await http.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = "invalid_request", ["error_description"] = detail }, ct);
            return true;
        }
        if (status == 400 && (http.Request.Path.StartsWithSegments(Routes.Mcp) || http.Request.Path.StartsWithSegments(Routes.Sse)))
        {
            // MCP endpoints answer in JSON-RPC's error format.
            await http.Response.WriteAsJsonAsync(new { jsonrpc = "2.0", id = (string?)null, error = new { code = -32602, message = "Invalid params: " + detail } }, ct);
            return true;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = Problems.Details(status, code, detail, title: code),
        });
    }

    public static void AddTo(IServiceCollection services)
    {
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                ctx.ProblemDetails.Extensions["code"] = Problems.CodeFor(ctx.ProblemDetails.Status);
            }
        });
    }

    /// <summary>
    /// The body for a bare status code (no endpoint, a method the route does not take, an empty 4xx):
    /// ProblemDetails JSON whatever the Accept header says. The framework's default page falls back to
    /// text/plain when Accept names neither JSON type, which is what an MCP client's GET
    /// (<c>Accept: text/event-stream</c>) sends, and clients cannot parse that.
    /// </summary>
    public static Task WriteStatusCodePageAsync(StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        return Problems.ForStatus(status).ExecuteAsync(context.HttpContext);
    }
}

/// <summary>Every error as ProblemDetails: exceptions and bare status codes alike.</summary>
public static class ErrorHandling
{
    public static WebApplicationBuilder AddErrorHandling(this WebApplicationBuilder builder)
    {
        ProblemExceptionHandler.AddTo(builder.Services);
        return builder;
    }

    public static WebApplication UseErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(ProblemExceptionHandler.WriteStatusCodePageAsync);
        return app;
    }
}
