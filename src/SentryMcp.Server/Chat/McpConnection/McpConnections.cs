using System.Net;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using SentryMcp.Server.Chat.Config;
using SentryMcp.Server.Chat.SignIn;

namespace SentryMcp.Server.Chat.McpConnection;

/// <summary>
/// Open MCP connections per chat session, reused across messages instead of reconnecting each time.
/// Bounded (least recently used close first), closed when idle, when the session's token changes
/// (refresh) or ends (logout), and only once no request still uses them.
/// </summary>
public sealed class McpConnections(IHttpClientFactory httpClients, ILoggerFactory loggers, TimeProvider clock, IOptions<ChatApiOptions> options) : IAsyncDisposable
{
    public const string HttpClientName = "chat-mcp";
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(20);
    private readonly Dictionary<string, Entry> _entries = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public async Task<McpLease> AcquireAsync(ChatUser user, Uri endpoint, CancellationToken ct)
    {
        Entry entry;
        lock (_gate)
        {
            SweepLocked();
            if (!_entries.TryGetValue(user.SessionId, out entry!) || entry.Token != user.Tokens.AccessToken || entry.Endpoint != endpoint ||
                entry.Connection.IsFaulted || entry.Connection.IsCanceled)
            {
                if (entry is not null)
                {
                    RetireLocked(user.SessionId, entry);
                }
                entry = new Entry(user.Tokens.AccessToken, endpoint, ConnectAsync(user.Tokens.AccessToken, endpoint));
                _entries[user.SessionId] = entry;
                TrimLocked();
            }
            entry.LastUsed = clock.GetUtcNow();
            entry.Users++;
        }
        try
        {
            return new McpLease(this, entry, await entry.Connection.WaitAsync(ct));
        }
        catch
        {
            Release(entry);
            lock (_gate)
            {
                if (entry.Connection.IsCompleted && !entry.Connection.IsCompletedSuccessfully && _entries.GetValueOrDefault(user.SessionId) == entry)
                {
                    _entries.Remove(user.SessionId);
                }
            }
            throw;
        }
    }

    public void Evict(string sessionId)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(sessionId, out var entry))
            {
                RetireLocked(sessionId, entry);
            }
        }
    }

    internal void Release(Entry entry)
    {
        bool dispose;
        lock (_gate)
        {
            entry.Users--;
            dispose = entry.Retired && entry.Users == 0;
        }
        if (dispose)
        {
            _ = CloseAsync(entry);
        }
    }

    private async Task<McpSessionConnection> ConnectAsync(string token, Uri endpoint)
    {
        // Shared by every request of the session, so not bound to the one that opened it.
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            Name = "sentry-mcp-chat",
            TransportMode = options.Value.McpTransport == McpTransportKind.Sse ? HttpTransportMode.Sse : HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
            ConnectionTimeout = ConnectTimeout,
        }, httpClients.CreateClient(HttpClientName), loggers, ownsHttpClient: false);
        McpClient? client = null;
        try
        {
            client = await McpClient.CreateAsync(transport, new McpClientOptions
            {
                ClientInfo = new ModelContextProtocol.Protocol.Implementation { Name = "sentry-mcp-chat", Version = ChatSetup.Version },
            }, loggers, timeout.Token);
            var tools = await client.ListToolsAsync(cancellationToken: timeout.Token);
            IReadOnlyList<McpClientPrompt> prompts = client.ServerCapabilities.Prompts is null ? [] : [.. await client.ListPromptsAsync(cancellationToken: timeout.Token)];
            // A server that still offers the gateway (another MCP URL) must not get a way around approvals.
            return new McpSessionConnection(client, [.. tools.Where(t => !Core.Tools.ToolSurfaces.Gateway.Contains(t.Name))], prompts);
        }
        catch (Exception ex)
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }
            throw IsUnauthorized(ex) ? new McpAuthRejectedException(ex) : IsRateLimited(ex) ? new McpRateLimitedException(ex) : new McpUnreachableException(ex);
        }
    }

    public static bool IsUnauthorized(Exception? ex) => HasStatus(ex, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);

    /// <summary>The MCP server's per-user rate limit refused the request: the user's doing, not an outage.</summary>
    public static bool IsRateLimited(Exception? ex) => HasStatus(ex, HttpStatusCode.TooManyRequests);

    private static bool HasStatus(Exception? ex, params HttpStatusCode[] statuses)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is HttpRequestException { StatusCode: { } status } && statuses.Contains(status))
            {
                return true;
            }
            if (ex is AggregateException aggregate && aggregate.InnerExceptions.Any(inner => HasStatus(inner, statuses)))
            {
                return true;
            }
        }
        return false;
    }

    private void SweepLocked()
    {
        var cutoff = clock.GetUtcNow() - options.Value.ConnectionIdleTimeout;
        foreach (var (key, entry) in _entries.Where(e => e.Value.LastUsed < cutoff && e.Value.Users == 0).ToList())
        {
            RetireLocked(key, entry);
        }
    }

    private void TrimLocked()
    {
        while (_entries.Count > options.Value.MaxCachedConnections)
        {
            var oldest = _entries.MinBy(e => e.Value.LastUsed);
            RetireLocked(oldest.Key, oldest.Value);
        }
    }

    private void RetireLocked(string key, Entry entry)
    {
        if (_entries.GetValueOrDefault(key) == entry)
        {
            _entries.Remove(key);
        }
        entry.Retired = true;
        if (entry.Users == 0)
        {
            _ = CloseAsync(entry);
        }
    }

    private static async Task CloseAsync(Entry entry)
    {
        try
        {
            await (await entry.Connection).DisposeAsync();
        }
        catch (Exception)
        {
            // A connection that never opened has nothing to close.
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<Entry> all;
        lock (_gate)
        {
            all = [.. _entries.Values];
            _entries.Clear();
        }
        foreach (var entry in all)
        {
            await CloseAsync(entry);
        }
    }

    internal sealed class Entry(string token, Uri endpoint, Task<McpSessionConnection> connection)
    {
        public string Token { get; } = token;
        public Uri Endpoint { get; } = endpoint;
        public Task<McpSessionConnection> Connection { get; } = connection;
        public DateTimeOffset LastUsed { get; set; }
        public int Users { get; set; }
        public bool Retired { get; set; }
    }
}
