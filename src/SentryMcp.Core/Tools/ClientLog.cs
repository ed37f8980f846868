// Logging (notifications/message) is deprecated from MCP 2026-07-28 (SEP-2577) but current for the
// 2025-06-18 and 2025-11-25 clients we serve, and 2026-07-28 clients may still ask per request.
#pragma warning disable MCP9005
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace SentryMcp.Core.Tools;

/// <summary>
/// <c>notifications/message</c> to the client of the current tool call, at the level the client
/// chose: per request (<c>_meta</c> log level, 2026-07-28), per session (<c>logging/setLevel</c> on
/// stdio and <c>/sse</c>) or, on stateless HTTP where no session outlives a request, per credential
/// (<see cref="ClientLogLevels"/>). Nothing is sent until the client asks. Messages carry tool names,
/// outcomes and HTTP statuses only: never arguments, tokens or Sentry paths.
/// </summary>
public sealed class ClientLog
{
    public const string LoggerName = "sentry-mcp";

    private static readonly AsyncLocal<ClientLog?> CurrentLog = new();

    private readonly McpServer _server;
    private readonly LoggingLevel _level;

    private ClientLog(McpServer server, LoggingLevel level)
    {
        _server = server;
        _level = level;
    }

    /// <summary>The log of the tool call running on this async flow (Sentry retries report through it).</summary>
    public static ClientLog? Current => CurrentLog.Value;

    /// <summary>The log for a call, or null when the client asked for none.</summary>
    public static ClientLog? For<TParams>(RequestContext<TParams> request)
    {
        var context = request.JsonRpcRequest.Context;
        var version = context?.ProtocolVersion ?? request.Server.NegotiatedProtocolVersion;
        // From 2026-07-28 a request without a level MUST NOT get log messages: no fallback then.
        var level = version is not null && string.CompareOrdinal(version, UserConfirmation.FirstMrtrRevision) >= 0
            ? context?.LogLevel
            : request.Server.LoggingLevel ?? (request.Server.IsMrtrSupported ? null : Remembered(request.Services));
        return level is { } l ? new ClientLog(request.Server, l) : null;
    }

    /// <summary>The level kept for this caller's credential on stateless HTTP (hashing the credential only then).</summary>
    private static LoggingLevel? Remembered(IServiceProvider? services) =>
        services?.GetService<ClientLogLevels>() is { IsEmpty: false } levels && services.GetService<SentryToolContext>() is { } context
            ? levels.Get(context.Api.CredentialKey)
            : null;

    /// <summary>Makes this the <see cref="Current"/> log until the returned scope ends.</summary>
    public IDisposable Activate()
    {
        var previous = CurrentLog.Value;
        CurrentLog.Value = this;
        return new Restore(previous);
    }

    public async ValueTask LogAsync(LoggingLevel level, string message, CancellationToken ct = default)
    {
        if (level < _level)
        {
            return;
        }
        try
        {
            await _server.SendNotificationAsync(NotificationMethods.LoggingMessageNotification, new LoggingMessageNotificationParams
            {
                Level = level,
                Logger = LoggerName,
                Data = JsonSerializer.SerializeToElement(message, SentryMcp.Core.SentryMcpJsonContext.Default.String),
            }, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A client that went away cannot be told; the call itself carries on and reports as usual.
        }
    }

    private sealed class Restore(ClientLog? previous) : IDisposable
    {
        public void Dispose() => CurrentLog.Value = previous;
    }
}

/// <summary>
/// Levels set with <c>logging/setLevel</c> on stateless HTTP, per credential (there is no session to
/// hold them), for an hour after the last change; bounded. Each server instance keeps its own.
/// </summary>
public sealed class ClientLogLevels
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (LoggingLevel Level, long Set)> _levels = new(StringComparer.Ordinal);

    public void Set(string credentialKey, LoggingLevel level)
    {
        if (_levels.Count >= MaxEntries)
        {
            foreach (var (key, entry) in _levels)
            {
                if (Stopwatch.GetElapsedTime(entry.Set) >= Lifetime)
                {
                    _levels.TryRemove(key, out _);
                }
            }
            if (_levels.Count >= MaxEntries)
            {
                _levels.Clear();
            }
        }
        _levels[credentialKey] = (level, Stopwatch.GetTimestamp());
    }

    public bool IsEmpty => _levels.IsEmpty;

    public LoggingLevel? Get(string credentialKey) =>
        _levels.TryGetValue(credentialKey, out var entry) && Stopwatch.GetElapsedTime(entry.Set) < Lifetime ? entry.Level : null;
}
