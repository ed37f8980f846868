using SentryMcp.Core.Tools;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Mcp;

/// <summary>
/// How the URL narrows a session's tools: <c>?skills=inspect,triage</c> keeps only those skills,
/// <c>?disable-skills=seer</c> removes some (both only ever narrow what the token was granted), and
/// <c>?tools=all</c> lists every available tool instead of the default set plus the gateway. Read
/// by the endpoint filter before the MCP server is built, so a bad value is a 400, not a session
/// with silently fewer (or more) tools.
/// </summary>
public sealed record McpToolQuery(IReadOnlySet<Skill>? Skills, ToolSurface Surface)
{
    private const string ItemKey = "SentryMcp.ToolQuery";
    private static readonly McpToolQuery Default = new(null, ToolSurface.Direct);

    /// <summary>The project's capabilities when a project-scoped URL was checked (null: unknown, every tool listed).</summary>
    public ProjectCapabilities? Capabilities { get; init; }

    public static McpToolQuery From(HttpContext? http) => http?.Items.TryGetValue(ItemKey, out var value) == true && value is McpToolQuery query ? query : Default;

    /// <summary>Parses the query string and keeps the result for the session; a problem when a value is unusable.</summary>
    public static IResult? Read(HttpContext http, McpCaller caller, ProjectCapabilities? capabilities)
    {
        var query = http.Request.Query;
        var surface = ToolSurface.Direct;
        if (query.TryGetValue("tools", out var tools))
        {
            if (tools.Count != 1 || tools[0] is not ("all" or "default"))
            {
                return Problems.Of(400, ErrorCodes.InvalidToolsParameter, "Use ?tools=all to list every available tool, or leave it out for the default set.", title: "Invalid tools parameter");
            }
            surface = tools[0] == "all" ? ToolSurface.All : ToolSurface.Direct;
        }
        IReadOnlySet<Skill>? skills = null;
        var hasSkills = query.TryGetValue("skills", out var skillList);
        var hasDisable = query.TryGetValue("disable-skills", out var disableList);
        if (hasSkills || hasDisable)
        {
            // Repeated parameters (?skills=a&skills=b) read as one list.
            var (resolved, error) = SkillChoice.Resolve(hasSkills ? string.Join(',', skillList.ToArray()) : null,
                hasDisable ? string.Join(',', disableList.ToArray()) : null, "skills", "disable-skills");
            if (resolved is null)
            {
                return Problems.Of(400, ErrorCodes.InvalidSkills, error!, title: "Invalid skills");
            }
            var granted = SentrySkills.OfGroups(caller.Groups);
            if (!resolved.Any(granted.Contains))
            {
                return Problems.Of(403, ErrorCodes.SkillsNotGranted,
                    $"None of the skills this URL asks for ({SentrySkills.Format(resolved)}) was granted to this sign-in; it has {SentrySkills.Format(granted.Where(SkillChoice.Active.Contains))}. " +
                    "Change ?skills= or sign in again granting them.", title: "Skills not granted");
            }
            skills = resolved;
        }
        http.Items[ItemKey] = new McpToolQuery(skills, surface) { Capabilities = capabilities };
        return null;
    }
}
