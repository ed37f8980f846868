using ModelContextProtocol.Client;

namespace SentryMcp.Server.Chat.McpConnection;

/// <summary>The MCP server refused the user's token: the sign-in behind the session is dead.</summary>
public sealed class McpAuthRejectedException(Exception inner) : Exception("The MCP server rejected the session's token.", inner);

/// <summary>The MCP server could not be reached or did not speak MCP.</summary>
public sealed class McpUnreachableException(Exception inner) : Exception("The MCP server could not be reached.", inner);

/// <summary>The MCP server refused the connection with 429: the user's per-minute request limit there is used up.</summary>
public sealed class McpRateLimitedException(Exception inner) : Exception("The MCP server's rate limit for this user was reached.", inner);

/// <summary>One open MCP client for one chat session, with its tool and prompt lists fetched once.</summary>
public sealed class McpSessionConnection(McpClient client, IReadOnlyList<McpClientTool> tools, IReadOnlyList<McpClientPrompt> prompts) : IAsyncDisposable
{
    public McpClient Client => client;
    public IReadOnlyList<McpClientTool> Tools => tools;
    public IReadOnlyList<McpClientPrompt> Prompts => prompts;

    /// <summary>The <c>/api/metadata</c> document and its ETag, built once per connection.</summary>
    public (byte[] Json, string ETag)? Metadata { get; set; }

    public McpClientTool? FindTool(string name) => tools.FirstOrDefault(t => t.Name == name);

    public static bool IsReadOnly(McpClientTool tool) => tool.ProtocolTool.Annotations?.ReadOnlyHint == true;

    public ValueTask DisposeAsync() => client.DisposeAsync();
}

/// <summary>A connection in use by one request; released (not closed) on dispose.</summary>
public sealed class McpLease : IDisposable
{
    private readonly McpConnections _owner;
    private readonly McpConnections.Entry _entry;
    private int _released;

    internal McpLease(McpConnections owner, McpConnections.Entry entry, McpSessionConnection connection)
    {
        _owner = owner;
        _entry = entry;
        Connection = connection;
    }

    public McpSessionConnection Connection { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _owner.Release(_entry);
        }
    }
}
