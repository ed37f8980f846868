using System.Reflection;
using ModelContextProtocol.Server;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>
/// Skills and scopes as the official server's tool definitions declare them, so that
/// <c>--skills</c> and <c>?skills=</c> select the same tools here as there.
/// </summary>
public sealed class OfficialSkillsTests
{
    public static TheoryData<string, string, string> Official => new()
    {
        { "whoami", "inspect,seer,docs,triage,project-management", "" },
        { "find_organizations", "inspect,seer,docs,triage,project-management", "org:read" },
        { "find_projects", "inspect,seer,docs,triage,project-management", "project:read" },
        { "find_teams", "inspect,triage,project-management", "team:read" },
        { "find_dsns", "project-management", "project:read" },
        { "search_issues", "inspect,seer,triage", "event:read" },
        { "get_issue_details", "inspect,seer,triage", "event:read" },
        { "get_event_attachment", "inspect", "event:read" },
        { "search_docs", "inspect,docs", "" },
        { "get_doc", "inspect,docs", "" },
        { "analyze_issue_with_seer", "seer", "" },
        { "create_team", "project-management", "team:write" },
        { "update_project", "project-management", "project:write" },
        { "create_dsn", "project-management", "project:write" },
    };

    [Theory]
    [MemberData(nameof(Official))]
    public void A_tool_has_the_official_skills_and_scopes(string tool, string skills, string scopes)
    {
        var attribute = typeof(SentryToolAttribute).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Single(m => m.GetCustomAttribute<McpServerToolAttribute>()?.Name == tool)
            .GetCustomAttribute<SentryToolAttribute>()!;

        Assert.Equal(skills, SentrySkills.Format(attribute.Skills));
        Assert.Equal(scopes, string.Join(',', attribute.Scopes));
    }

    [Fact]
    public void Find_dsns_needs_the_project_management_grant_as_officially()
    {
        var method = typeof(FindDsnsTool).GetMethod(nameof(FindDsnsTool.FindDsns))!;

        Assert.Equal(PermissionGroup.ProjectManagement, method.GetCustomAttribute<SentryToolAttribute>()!.Group);
    }
}
