using System.Collections.Frozen;

namespace SentryMcp.Core.Tools;

/// <summary>
/// The official Sentry MCP server's skills: user-facing bundles of tools. A tool belongs to one or
/// more skills and is available when any of them is enabled. Grants are stored as
/// <see cref="PermissionGroup"/>s; each group enables the skills of <see cref="SentrySkills.OfGroup"/>.
/// </summary>
public enum Skill
{
    Inspect,
    Seer,
    Docs,
    Triage,
    ProjectManagement,
}

/// <summary>A skill as users see it (consent page, <c>--skills</c>, <c>?skills=</c>, docs).</summary>
public sealed record SkillDefinition(Skill Skill, string Id, string Name, string Description, bool DefaultEnabled, bool Deprecated, PermissionGroup Group);

public static class SentrySkills
{
    public static IReadOnlyList<SkillDefinition> All { get; } =
    [
        new(Skill.Inspect, "inspect", "Inspect Issues & Events",
            "Read-only access to issues, events, traces, replays, releases, alerts, cron and uptime monitors, dashboards, profiles, documentation and project metadata.",
            DefaultEnabled: true, Deprecated: false, PermissionGroup.Read),
        new(Skill.Seer, "seer", "Seer",
            "Sentry's AI debugger: root causes and proposed fixes for issues (billed by Sentry).",
            DefaultEnabled: true, Deprecated: false, PermissionGroup.Seer),
        new(Skill.Docs, "docs", "Documentation",
            "Legacy docs-only skill: Sentry's documentation tools, which Inspect Issues & Events also includes.",
            DefaultEnabled: false, Deprecated: true, PermissionGroup.Read),
        new(Skill.Triage, "triage", "Triage Issues",
            "Resolve, ignore, assign and annotate issues.",
            DefaultEnabled: false, Deprecated: false, PermissionGroup.IssueTriage),
        new(Skill.ProjectManagement, "project-management", "Manage Projects & Teams",
            "Create and change projects, teams, client keys (DSNs) and uptime monitors.",
            DefaultEnabled: false, Deprecated: false, PermissionGroup.ProjectManagement),
    ];

    private static readonly FrozenDictionary<string, SkillDefinition> ById =
        All.ToFrozenDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlySet<Skill> Every { get; } = Enum.GetValues<Skill>().ToFrozenSet();

    public static SkillDefinition Get(Skill skill) => All[(int)skill];

    public static string Id(Skill skill) => Get(skill).Id;

    /// <summary>The skill ids, in the order users see them.</summary>
    public static string ValidIds { get; } = string.Join(", ", All.Select(s => s.Id));

    /// <summary>The skills a permission group enables.</summary>
    public static IEnumerable<Skill> OfGroup(PermissionGroup group) => All.Where(s => s.Group == group).Select(s => s.Skill);

    /// <summary>The skills a set of granted groups enables.</summary>
    public static IReadOnlySet<Skill> OfGroups(IEnumerable<PermissionGroup> groups) => groups.SelectMany(OfGroup).ToHashSet();

    /// <summary>
    /// Parses a comma-separated list of skill ids (<c>inspect,triage</c>); blanks are ignored,
    /// unknown ids are returned separately so callers can refuse them by name.
    /// </summary>
    public static (HashSet<Skill> Valid, List<string> Invalid) Parse(string? list)
    {
        var valid = new HashSet<Skill>();
        var invalid = new List<string>();
        foreach (var raw in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ById.TryGetValue(raw, out var skill))
            {
                valid.Add(skill.Skill);
            }
            else
            {
                invalid.Add(raw);
            }
        }
        return (valid, invalid);
    }

    /// <summary>Comma-separated ids, in display order.</summary>
    public static string Format(IEnumerable<Skill> skills) => string.Join(',', skills.Distinct().Order().Select(Id));
}
