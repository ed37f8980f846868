using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using SentryMcp.Server.Security;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Mcp;

/// <summary>
/// Per-request cost on the MCP endpoints, which carry most of the traffic (measured with
/// bench/run-http.sh; the reasons are in docs/decisions.md):
/// <list type="bullet">
/// <item>Authentication runs only the MCP scheme (plus OpenIddict's validation step for our own
/// Bearer tokens). The standard middleware would first offer every request to OpenIddict's server
/// handler, which looks for its authorization endpoints (never under /mcp or /sse): about 6 % of the
/// host's CPU per MCP call.</item>
/// <item>A POST's streamed answer is coalesced: see <see cref="CoalescingResponseBody"/>.</item>
/// </list>
/// </summary>
public static class McpHttpPipeline
{
    /// <summary>The authentication middleware, with the MCP paths authenticated by the MCP scheme alone.</summary>
    public static IApplicationBuilder UseAuthenticationWithMcpFastPath(this IApplicationBuilder app)
    {
        // UseAuthentication marks the builder it is called on; called on a branch, the mark would be
        // missing here and WebApplication would add a second authentication middleware at the very
        // start of the pipeline (before the security headers and CORS). Mark it as UseAuthentication does.
        app.Properties["__AuthenticationMiddlewareSet"] = true;
        app.UseWhen(http => !RateLimits.IsMcpPath(http.Request.Path), branch => branch.UseAuthentication());
        app.UseWhen(http => RateLimits.IsMcpPath(http.Request.Path), branch => branch.Use(async (http, next) =>
        {
            // Our own OAuth tokens are validated by OpenIddict's validation handler, which needs its
            // per-request step; OpenIddict's server handler (the authorization endpoints) is skipped.
            if (http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) &&
                await http.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>()
                    .GetHandlerAsync(http, OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme) is IAuthenticationRequestHandler validation &&
                await validation.HandleRequestAsync())
            {
                return;
            }
            var result = await http.AuthenticateAsync(McpCaller.AuthenticationScheme);
            if (result.Principal is not null)
            {
                http.User = result.Principal;
            }
            await next(http);
        }));
        return app;
    }

    /// <summary>Coalesces the streamed answers of POSTs to the Streamable HTTP endpoints.</summary>
    public static IApplicationBuilder UseMcpResponseCoalescing(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments(Routes.Mcp) ||
            http.Features.Get<IHttpResponseBodyFeature>() is not { } inner)
        {
            await next(http);
            return;
        }
        var body = new CoalescingResponseBody(inner, CoalescingResponseBody.DefaultFlushDelay);
        http.Features.Set<IHttpResponseBodyFeature>(body);
        try
        {
            await next(http);
        }
        finally
        {
            await body.CloseAsync();
            http.Features.Set(inner);
        }
    });
}

/// <summary>
/// A response body that writes into the server's output buffer without sending, and sends on a
/// flush request only after <see cref="DefaultFlushDelay"/>. The MCP SDK flushes the SSE headers as
/// soon as a POST arrives and again after every event, so a quick tool call left in three TCP sends
/// (headers, the event, the closing chunk); coalesced, it leaves in one when the request ends. A slow
/// call still shows its headers and every progress event within the delay.
/// </summary>
internal sealed class CoalescingResponseBody(IHttpResponseBodyFeature inner, TimeSpan flushDelay) : WriteOnlyStream, IHttpResponseBodyFeature
{
    public static readonly TimeSpan DefaultFlushDelay = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private PipeWriter? _writer;
    private int _flushScheduled;
    private bool _closed;

    Stream IHttpResponseBodyFeature.Stream => this;

    PipeWriter IHttpResponseBodyFeature.Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

    /// <summary>
    /// The SDK calls this for every SSE answer (it turns off response buffering such as compression).
    /// Deferral stays on: it is bounded by the flush delay, which is what a stream needs.
    /// </summary>
    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        inner.SendFileAsync(path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        await CloseAsync();
        await inner.CompleteAsync();
    }

    /// <summary>Stops deferred flushes; the server sends what is buffered when the response ends.</summary>
    public async Task CloseAsync()
    {
        await _gate.WaitAsync();
        _closed = true;
        _gate.Release();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            inner.Writer.Write(buffer.Span);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _flushScheduled, 1) == 0)
        {
            _ = FlushLaterAsync();
        }
        return Task.CompletedTask;
    }

    private async Task FlushLaterAsync()
    {
        await Task.Delay(flushDelay);
        Volatile.Write(ref _flushScheduled, 0);
        try
        {
            await FlushNowAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away; the request's own abort token ends the call.
        }
    }

    private async Task FlushNowAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_closed)
            {
                await inner.Writer.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
