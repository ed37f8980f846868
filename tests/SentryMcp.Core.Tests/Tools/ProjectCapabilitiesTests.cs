using System.Text.Json;
using SentryMcp.Core.Hosting;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>Which tools a project-scoped session hides for the data its project has none of.</summary>
public sealed class ProjectCapabilitiesTests
{
    private static ProjectCapabilities Read(string json) => ProjectCapabilities.FromProject(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void A_project_without_replays_or_profiles_hides_their_tools_and_keeps_traces()
    {
        var capabilities = Read("""{"slug":"api","hasReplays":false,"hasProfiles":false,"firstTransactionEvent":true}""");

        var selection = SentryMcpServerSetup.SelectionFor(new SessionConstraints("acme", "api"), ToolSelection.AllGroups, capabilities);

        Assert.Equal(["get_profile", "get_profile_details", "get_replay_details"], capabilities.UnavailableTools().Order());
        Assert.Superset(new HashSet<string> { "get_replay_details", "get_profile", "get_profile_details", "create_project", "find_projects" }, selection.HiddenTools!.ToHashSet());
        Assert.DoesNotContain("get_trace_details", selection.HiddenTools!);
    }

    [Fact]
    public void Missing_fields_count_as_no_data_as_in_the_official_server()
    {
        var capabilities = Read("""{"slug":"old-self-hosted","hasReplays":"yes"}""");

        Assert.Equal(new ProjectCapabilities(false, false, false), capabilities);
        Assert.Contains("get_trace_details", capabilities.UnavailableTools());
    }

    [Fact]
    public void Unknown_capabilities_or_an_unscoped_session_hide_nothing_for_data()
    {
        var unknown = SentryMcpServerSetup.SelectionFor(new SessionConstraints("acme", "api"), ToolSelection.AllGroups, capabilities: null);
        var organizationOnly = SentryMcpServerSetup.SelectionFor(new SessionConstraints("acme"), ToolSelection.AllGroups, new ProjectCapabilities(false, false, false));

        Assert.DoesNotContain("get_replay_details", unknown.HiddenTools!);
        Assert.DoesNotContain("get_trace_details", unknown.HiddenTools!);
        Assert.DoesNotContain("get_replay_details", organizationOnly.HiddenTools!);
    }
}
