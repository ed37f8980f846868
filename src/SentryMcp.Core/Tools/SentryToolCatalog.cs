using System.Collections.Frozen;
using System.Reflection;
using ModelContextProtocol.Server;

namespace SentryMcp.Core.Tools;

/// <summary>A tool of this server with the metadata declared next to it.</summary>
public sealed record SentryToolDescriptor(McpServerTool Tool, PermissionGroup Group, IReadOnlyList<string> Scopes)
{
    public string Name => Tool.ProtocolTool.Name;
    public bool IsReadOnly => Tool.ProtocolTool.Annotations?.ReadOnlyHint == true;
}

/// <summary>Which tools a session sees: its constraints, granted permission groups and hidden tools.</summary>
public sealed record ToolSelection(SessionConstraints Constraints, IReadOnlySet<PermissionGroup> Groups, IReadOnlySet<string>? HiddenTools = null)
{
    public static IReadOnlySet<PermissionGroup> AllGroups { get; } = Enum.GetValues<PermissionGroup>().ToFrozenSet();

    public static ToolSelection Everything(SessionConstraints? constraints = null) => new(constraints ?? SessionConstraints.None, AllGroups);
}

/// <summary>
/// Discovers every <c>[McpServerTool]</c> method in this assembly once (and the prompts and
/// resources), and hands out per-session views of them (constrained schemas, permission filtering,
/// error mapping).
/// </summary>
public sealed class SentryToolCatalog
{
    private readonly Lazy<IReadOnlyList<SentryToolDescriptor>> _tools;

    private readonly Lazy<IReadOnlyList<McpServerPrompt>> _prompts;
    private readonly Lazy<IReadOnlyList<McpServerResource>> _resources;

    public SentryToolCatalog(IServiceProvider services)
    {
        _tools = new Lazy<IReadOnlyList<SentryToolDescriptor>>(() => Discover(services));
        _prompts = new Lazy<IReadOnlyList<McpServerPrompt>>(() => SentryMcp.Core.Prompts.SentryPrompts.CreateAll(services));
        _resources = new Lazy<IReadOnlyList<McpServerResource>>(() => SentryMcp.Core.Resources.SentryResources.CreateAll(services));
    }

    public IReadOnlyList<SentryToolDescriptor> All => _tools.Value;

    /// <summary>Every prompt, created once (sessions get constrained views).</summary>
    public IReadOnlyList<McpServerPrompt> Prompts => _prompts.Value;

    /// <summary>Every resource and resource template, created once.</summary>
    public IReadOnlyList<McpServerResource> Resources => _resources.Value;

    private const int MaxCachedSelections = 1024;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<McpServerTool>> _views = new(StringComparer.Ordinal);

    /// <summary>
    /// The tools a session sees. Stateless HTTP asks for this on every request, so each distinct
    /// selection (groups, constraints, hidden tools) is built once and reused: building parses and
    /// rewrites every tool's schema.
    /// </summary>
    public IReadOnlyList<McpServerTool> Build(ToolSelection selection)
    {
        var key = string.Join('|',
            string.Join(',', selection.Groups.Order()),
            selection.Constraints.OrganizationSlug, selection.Constraints.ProjectSlug, selection.Constraints.RegionUrl,
            string.Join(',', (selection.HiddenTools ?? new HashSet<string>()).Order(StringComparer.Ordinal)));
        if (_views.TryGetValue(key, out var cached))
        {
            return cached;
        }
        if (_views.Count >= MaxCachedSelections)
        {
            // Scoped URLs make the key space open-ended; a full reset keeps memory bounded.
            _views.Clear();
        }
        return _views.GetOrAdd(key, _ => Create(selection));
    }

    private List<McpServerTool> Create(ToolSelection selection)
    {
        var pinned = selection.Constraints.PinnedParameters();
        var result = new List<McpServerTool>();
        foreach (var descriptor in All)
        {
            if (!selection.Groups.Contains(descriptor.Group) || selection.HiddenTools?.Contains(descriptor.Name) == true)
            {
                continue;
            }
            result.Add(new SentryMcpTool(descriptor, pinned));
        }
        return result;
    }

    private static List<SentryToolDescriptor> Discover(IServiceProvider services)
    {
        var tools = new List<SentryToolDescriptor>();
        var methods = typeof(SentryToolCatalog).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<McpServerToolTypeAttribute>() is not null)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<McpServerToolAttribute>() is not null);
        foreach (var method in methods)
        {
            var meta = method.GetCustomAttribute<SentryToolAttribute>()
                ?? throw new InvalidOperationException($"Tool method {method.DeclaringType?.Name}.{method.Name} must declare [SentryTool] with its permission group and scopes.");
            var tool = McpServerTool.Create(method, target: null, new McpServerToolCreateOptions { Services = services });
            tools.Add(new SentryToolDescriptor(tool, meta.Group, meta.Scopes));
        }
        tools.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return tools;
    }
}
