using System.Collections.Frozen;
using System.Reflection;
using ModelContextProtocol.Server;

namespace SentryMcp.Core.Tools;

/// <summary>A tool of this server with the metadata declared next to it.</summary>
public sealed record SentryToolDescriptor(McpServerTool Tool, PermissionGroup Group, IReadOnlyList<string> Scopes, IReadOnlySet<Skill> Skills)
{
    public SentryToolDescriptor(McpServerTool tool, PermissionGroup group, IReadOnlyList<string> scopes)
        : this(tool, group, scopes, SentrySkills.OfGroup(group).ToFrozenSet())
    {
    }

    public string Name => Tool.ProtocolTool.Name;
    public bool IsReadOnly => Tool.ProtocolTool.Annotations?.ReadOnlyHint == true;

    /// <summary>Listed by <c>tools/list</c> in the default surface (the rest through the gateway).</summary>
    public bool IsDirect => ToolSurfaces.DefaultDirect.Contains(Name);
}

/// <summary>How a session's tools are listed.</summary>
public enum ToolSurface
{
    /// <summary>
    /// The default: a small set of tools in <c>tools/list</c> (at most <see cref="DirectBudget"/>),
    /// every other available tool through <c>search_sentry_tools</c> and <c>execute_sentry_tool</c>.
    /// </summary>
    Direct,

    /// <summary>Every available tool in <c>tools/list</c> and no gateway (our chat; <c>--all-tools</c>).</summary>
    All,
}

/// <summary>
/// Which tools a session sees: its constraints, granted permission groups, the skills it narrows
/// them to (never widening what the groups allow), hidden tools and how tools are listed.
/// </summary>
public sealed record ToolSelection(
    SessionConstraints Constraints,
    IReadOnlySet<PermissionGroup> Groups,
    IReadOnlySet<string>? HiddenTools = null,
    IReadOnlySet<Skill>? Skills = null,
    ToolSurface Surface = ToolSurface.Direct)
{
    public static IReadOnlySet<PermissionGroup> AllGroups { get; } = Enum.GetValues<PermissionGroup>().ToFrozenSet();

    /// <summary>The skills in effect: those the groups enable, narrowed to <see cref="Skills"/> when given.</summary>
    public IReadOnlySet<Skill> EnabledSkills
    {
        get
        {
            var granted = SentrySkills.OfGroups(Groups);
            return Skills is null ? granted : granted.Where(Skills.Contains).ToHashSet();
        }
    }

    /// <summary>Whether a tool is available to this session at all (listed or through the gateway).</summary>
    public bool Allows(SentryToolDescriptor tool, IReadOnlySet<Skill> enabledSkills) =>
        HiddenTools?.Contains(tool.Name) != true && tool.Skills.Any(enabledSkills.Contains);
}

/// <summary>The default direct surface: what <c>tools/list</c> shows when nothing else is asked for.</summary>
public static class ToolSurfaces
{
    /// <summary>At most this many tools in <c>tools/list</c> by default (Cursor caps tools at about 40 in all).</summary>
    public const int DirectBudget = 25;

    /// <summary>The gateway tools of the default surface.</summary>
    public static IReadOnlySet<string> Gateway { get; } = new[] { SearchSentryToolsTool.ToolName, ExecuteSentryToolTool.ToolName }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The tools <c>tools/list</c> shows by default, when the session may call them: the tools this
    /// server has always listed (so existing prompts and agent set-ups keep working), every other one
    /// through the gateway.
    /// </summary>
    public static IReadOnlySet<string> DefaultDirect { get; } = new[]
    {
        "whoami", "find_organizations", "find_projects", "find_teams", "find_releases", "find_dsns",
        "search_issues", "get_issue_details", "search_events", "get_trace_details", "get_event_attachment",
        "get_sentry_resource", "search_docs", "get_doc", "update_issue", "analyze_issue_with_seer",
        "create_team", "create_project", "update_project", "create_dsn",
    }.ToFrozenSet(StringComparer.Ordinal);
}

/// <summary>
/// Creates every <c>[McpServerTool]</c> method of <see cref="SentryMcp.Core.Hosting.SentryServerTypes"/> once
/// (and the prompts and resources), and hands out per-session views of them (constrained schemas, permission filtering,
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
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SelectionKey, IReadOnlyList<McpServerTool>> _views = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SelectionKey, SessionPrimitives> _primitives = new();

    /// <summary>
    /// The tools a session sees. Stateless HTTP asks for this on every request, so each distinct
    /// selection (groups, constraints, hidden tools) is built once and reused: building parses and
    /// rewrites every tool's schema.
    /// </summary>
    public IReadOnlyList<McpServerTool> Build(ToolSelection selection) =>
        Cached(_views, SelectionKey.For(selection), selection, Create);

    /// <summary>
    /// The tool, prompt and resource collections of a session, built once per selection and shared by
    /// every server instance that serves it (stateless HTTP creates one per request). The collections
    /// are never changed after they are built.
    /// </summary>
    public SessionPrimitives Primitives(ToolSelection selection) =>
        Cached(_primitives, SelectionKey.For(selection), selection, s => SessionPrimitives.Create(Build(s), Prompts, Resources, s.Constraints));

    private static T Cached<T>(System.Collections.Concurrent.ConcurrentDictionary<SelectionKey, T> cache, SelectionKey key, ToolSelection selection, Func<ToolSelection, T> create)
    {
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        if (cache.Count >= MaxCachedSelections)
        {
            // Scoped URLs make the key space open-ended; a full reset keeps memory bounded.
            cache.Clear();
        }
        return cache.GetOrAdd(key, _ => create(selection));
    }

    /// <summary>A selection as a cheap, comparable key (groups as a bit set, hidden tools sorted).</summary>
    private readonly record struct SelectionKey(int Groups, int Skills, ToolSurface Surface, string? Organization, string? Project, string? Region, string Hidden)
    {
        public static SelectionKey For(ToolSelection selection)
        {
            var groups = 0;
            foreach (var group in selection.Groups)
            {
                groups |= 1 << (int)group;
            }
            var skills = -1;
            if (selection.Skills is { } narrowed)
            {
                skills = 0;
                foreach (var skill in narrowed)
                {
                    skills |= 1 << (int)skill;
                }
            }
            var hidden = selection.HiddenTools is not { Count: > 0 } names ? "" : string.Join(',', names.Order(StringComparer.Ordinal));
            var c = selection.Constraints;
            return new SelectionKey(groups, skills, selection.Surface, c.OrganizationSlug, c.ProjectSlug, c.RegionUrl, hidden);
        }
    }

    /// <summary>The names of every tool the selection makes available (listed or not); builds no tool.</summary>
    public IEnumerable<string> AvailableNames(ToolSelection selection)
    {
        var skills = selection.EnabledSkills;
        return All.Where(d => selection.Allows(d, skills)).Select(d => d.Name);
    }

    /// <summary>Every tool the selection makes available (listed or not), as the session calls them.</summary>
    public IReadOnlyList<SentryMcpTool> Available(ToolSelection selection)
    {
        var pinned = selection.Constraints.PinnedParameters();
        var skills = selection.EnabledSkills;
        return [.. All.Where(d => selection.Allows(d, skills)).Select(d => new SentryMcpTool(d, pinned))];
    }

    private List<McpServerTool> Create(ToolSelection selection)
    {
        var available = Available(selection);
        if (selection.Surface == ToolSurface.All)
        {
            return [.. available];
        }
        var result = new List<McpServerTool>(available.Where(t => t.Descriptor.IsDirect));
        if (available.Count > result.Count)
        {
            // Everything not listed stays reachable, and only what this session may call.
            result.Add(new SearchSentryToolsTool(available));
            result.Add(new ExecuteSentryToolTool(available));
        }
        return result;
    }

    private static List<SentryToolDescriptor> Discover(IServiceProvider services)
    {
        var methods = SentryMcp.Core.Hosting.SentryServerTypes.ToolMethods;
        // Creating a tool reflects over its method and generates its JSON schemas: with 50-odd tools
        // that is most of a cold start, so the tools are created on every core (the stdio server
        // builds them before it answers initialize).
        var tools = new SentryToolDescriptor[methods.Count];
        Parallel.For(0, methods.Count, i =>
        {
            var method = methods[i];
            var meta = method.GetCustomAttribute<SentryToolAttribute>()
                ?? throw new InvalidOperationException($"Tool method {method.DeclaringType?.Name}.{method.Name} must declare [SentryTool] with its permission group and scopes.");
            var tool = McpServerTool.Create(method, target: null, new McpServerToolCreateOptions { Services = services, SerializerOptions = ToolResults.ToolSerializerOptions });
            tools[i] = meta.Skills.Length == 0
                ? new SentryToolDescriptor(tool, meta.Group, meta.Scopes)
                : new SentryToolDescriptor(tool, meta.Group, meta.Scopes, meta.Skills.ToFrozenSet());
        });
        var sorted = tools.ToList();
        sorted.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return sorted;
    }
}

/// <summary>What one session serves: its tools, prompts and resources, as the MCP SDK's collections.</summary>
public sealed record SessionPrimitives(
    McpServerPrimitiveCollection<McpServerTool> Tools,
    McpServerPrimitiveCollection<McpServerPrompt> Prompts,
    McpServerResourceCollection Resources)
{
    public static SessionPrimitives Create(IEnumerable<McpServerTool> tools, IReadOnlyList<McpServerPrompt> prompts, IEnumerable<McpServerResource> resources, SessionConstraints constraints)
    {
        var toolCollection = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var tool in tools)
        {
            toolCollection.Add(tool);
        }
        var (promptCollection, resourceCollection) = CreatePromptsAndResources(prompts, resources, constraints);
        return new SessionPrimitives(toolCollection, promptCollection, resourceCollection);
    }

    /// <summary>A session's prompt and resource collections alone (the tools are created apart, or later).</summary>
    public static (McpServerPrimitiveCollection<McpServerPrompt> Prompts, McpServerResourceCollection Resources) CreatePromptsAndResources(
        IReadOnlyList<McpServerPrompt> prompts, IEnumerable<McpServerResource> resources, SessionConstraints constraints)
    {
        var promptCollection = new McpServerPrimitiveCollection<McpServerPrompt>();
        foreach (var prompt in SentryMcp.Core.Prompts.SentryPrompts.ForSession(prompts, constraints))
        {
            promptCollection.Add(prompt);
        }
        var resourceCollection = new McpServerResourceCollection();
        foreach (var resource in resources)
        {
            resourceCollection.Add(resource);
        }
        return (promptCollection, resourceCollection);
    }
}
