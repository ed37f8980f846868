using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using ModelContextProtocol.Server;

namespace SentryMcp.Core.Tools;

/// <summary>
/// The tools one session may call, listed or behind the gateway, so that an answer suggests only
/// tools the caller can use (a read-only grant is never told to run update_issue). Tools ask for it
/// with an <see cref="McpServer"/> parameter: <c>SessionTools.Of(server).Has("update_issue")</c>.
/// </summary>
public sealed class SessionTools
{
    private readonly IReadOnlySet<string>? _names;

    private SessionTools(IReadOnlySet<string>? names) => _names = names;

    /// <summary>A session whose tools are not known (no MCP server): every tool counts as available.</summary>
    public static SessionTools Unknown { get; } = new(null);

    public static SessionTools Of(IEnumerable<string> names) => new(names.ToFrozenSet(StringComparer.Ordinal));

    public bool Has(string toolName) => _names?.Contains(toolName) != false;

    // Keyed by the session's tool collection, which the catalog builds once per selection and every
    // server of that selection shares: the names are worked out once, and go when the collection goes.
    // Lazy: working the names out needs the tools, which a deferred collection creates only on first use.
    private static readonly ConditionalWeakTable<McpServerPrimitiveCollection<McpServerTool>, Lazy<SessionTools>> BySession = [];

    /// <summary>Remembers which tools a session's tool collection stands for (called where the server is configured).</summary>
    public static void Register(McpServerPrimitiveCollection<McpServerTool> listed, Func<IEnumerable<string>> available) =>
        BySession.GetValue(listed, _ => new Lazy<SessionTools>(() => Of(available())));

    /// <summary>
    /// The tools of the session a server serves: what was registered for its tool collection, else
    /// the tools it lists, else <see cref="Unknown"/>.
    /// </summary>
    public static SessionTools Of(McpServer? server)
    {
        if (server?.ServerOptions.ToolCollection is not { } listed)
        {
            return Unknown;
        }
        return BySession.TryGetValue(listed, out var known) ? known.Value : Of(listed.Select(t => t.ProtocolTool.Name));
    }
}
