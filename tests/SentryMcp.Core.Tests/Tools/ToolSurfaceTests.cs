using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Core.Tools;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>The server as a client sees it by default: a small direct surface plus the gateway.</summary>
public sealed class DefaultSurfaceFixture : McpServerFixture
{
    protected override IEnumerable<string> ServerArguments => [];
}

public sealed class DefaultSurfaceFixtureWithOrganization : McpServerFixture
{
    protected override IEnumerable<string> ServerArguments => ["--organization-slug=acme"];
}

/// <summary>
/// The official server's tool names and skills (its toolDefinitions.json), written down here so a
/// drift in either direction fails: I inspect, S seer, D docs, T triage, P project-management.
/// </summary>
public static class OfficialCatalog
{
    public static readonly IReadOnlyDictionary<string, string> Skills = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["add_issue_note"] = "T",
        ["add_team_to_project"] = "P",
        ["analyze_issue_with_seer"] = "S",
        ["create_dsn"] = "P",
        ["create_project"] = "P",
        ["create_team"] = "P",
        ["create_uptime_monitor"] = "P",
        ["delete_uptime_monitor"] = "P",
        ["execute_sentry_tool"] = "ISDTP",
        ["find_alert_rules"] = "I",
        ["find_dashboards"] = "I",
        ["find_dsns"] = "P",
        ["find_monitors"] = "I",
        ["find_organizations"] = "ISDTP",
        ["find_projects"] = "ISDTP",
        ["find_releases"] = "I",
        ["find_teams"] = "ITP",
        ["find_uptime_monitors"] = "I",
        ["get_ai_conversation_details"] = "ITS",
        ["get_alert_rule"] = "I",
        ["get_dashboard_details"] = "I",
        ["get_doc"] = "ID",
        ["get_event_attachment"] = "I",
        ["get_event_stacktrace"] = "ITS",
        ["get_issue_activity"] = "IT",
        ["get_issue_breadcrumbs"] = "IT",
        ["get_issue_details"] = "ITS",
        ["get_issue_tag_values"] = "I",
        ["get_issue_user_reports"] = "IT",
        ["get_latest_base_snapshot"] = "I",
        ["get_monitor_details"] = "I",
        ["get_profile"] = "I",
        ["get_profile_details"] = "I",
        ["get_release_details"] = "I",
        ["get_replay_details"] = "I",
        ["get_sentry_resource"] = "ITS",
        ["get_snapshot"] = "I",
        ["get_snapshot_image"] = "I",
        ["get_span_details"] = "I",
        ["get_trace_details"] = "I",
        ["get_uptime_monitor_details"] = "I",
        ["onboarding_status_update"] = "ISDTP",
        ["remove_team_from_project"] = "P",
        ["search_ai_conversations"] = "ITS",
        ["search_docs"] = "ID",
        ["search_events"] = "ITS",
        ["search_issue_events"] = "IT",
        ["search_issues"] = "ITS",
        ["search_sentry_tools"] = "ISDTP",
        ["update_dsn"] = "P",
        ["update_issue"] = "T",
        ["update_project"] = "P",
        ["update_uptime_monitor"] = "P",
        ["whoami"] = "ISDTP",
    };

    public static IReadOnlySet<Skill> Parse(string letters) => letters.Select(c => c switch
    {
        'I' => Skill.Inspect,
        'S' => Skill.Seer,
        'D' => Skill.Docs,
        'T' => Skill.Triage,
        _ => Skill.ProjectManagement,
    }).ToHashSet();
}

public sealed class ToolSurfaceTests(DefaultSurfaceFixture server) : IClassFixture<DefaultSurfaceFixture>
{
    [Fact]
    public async Task The_default_list_stays_within_the_budget_and_includes_the_gateway_when_tools_are_left_out()
    {
        var listed = (await server.Client.ListToolsAsync()).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.InRange(listed.Count, 1, ToolSurfaces.DirectBudget);
        Assert.Contains("search_sentry_tools", listed);
        Assert.Contains("execute_sentry_tool", listed);
        Assert.Subset(listed, ToolSurfaces.DefaultDirect.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_tool_of_the_official_server_exists_with_its_skills()
    {
        await using var all = await server.StartClientAsync(["--all-tools"], SandboxOptions.DefaultToken);
        var names = (await all.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var expected = OfficialCatalog.Skills.Keys.Where(n => !ToolSurfaces.Gateway.Contains(n)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task No_optional_parameter_is_a_type_union_with_null()
    {
        await using var all = await server.StartClientAsync(["--all-tools"], SandboxOptions.DefaultToken);
        foreach (var tool in await all.ListToolsAsync())
        {
            var schema = tool.ProtocolTool.InputSchema;
            if (!schema.TryGetProperty("properties", out var properties))
            {
                continue;
            }
            foreach (var property in properties.EnumerateObject())
            {
                if (property.Value.TryGetProperty("type", out var type))
                {
                    Assert.True(type.ValueKind == JsonValueKind.String, $"{tool.Name}.{property.Name} has type {type.GetRawText()}");
                }
                if (property.Value.TryGetProperty("default", out var value))
                {
                    Assert.NotEqual(JsonValueKind.Null, value.ValueKind);
                }
            }
        }
    }

    [Fact]
    public async Task Search_finds_a_tool_that_is_not_listed_by_its_exact_name_and_by_words()
    {
        var listed = (await server.Client.ListToolsAsync()).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain("get_issue_breadcrumbs", listed);

        var exact = await server.CallAsync("search_sentry_tools", new { query = "get_issue_breadcrumbs" });
        Assert.False(exact.IsError, exact.Text);
        Assert.Contains("## get_issue_breadcrumbs", exact.Text);
        var results = exact.Raw.StructuredContent!.Value.GetProperty("results");
        Assert.Equal("get_issue_breadcrumbs", results[0].GetProperty("name").GetString());
        Assert.True(results[0].GetProperty("inputSchema").GetProperty("properties").TryGetProperty("issueId", out _));

        var words = await server.CallAsync("search_sentry_tools", new { query = "uptime monitors", limit = 3 });
        Assert.False(words.IsError, words.Text);
        var found = words.Raw.StructuredContent!.Value.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.InRange(found.Count, 1, 3);
        Assert.All(found, name => Assert.Contains("uptime", name!));
    }

    [Theory]
    [InlineData("{}", "`query` is required")]
    [InlineData("{\"query\": \"replay\", \"limit\": 0}", "`limit` must be a whole number from 1 to 20")]
    [InlineData("{\"query\": \"replay\", \"limit\": \"many\"}", "`limit` must be a whole number from 1 to 20")]
    public async Task Search_refuses_bad_input_with_what_to_fix(string arguments, string message)
    {
        var output = await server.CallAsync("search_sentry_tools", JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(arguments));
        Assert.True(output.IsError);
        Assert.Contains(message, output.Text);
    }

    [Fact]
    public async Task Execute_runs_a_tool_that_is_not_listed_exactly_as_a_direct_call_would()
    {
        var output = await server.CallAsync("execute_sentry_tool", new { name = "find_releases", arguments = new { organizationSlug = "acme", query = "2ce6a27" } });
        Assert.False(output.IsError, output.Text);
        Assert.Contains("## 2ce6a27d9f1e4b3c8a7f6e5d4c3b2a1908f7e6d5", output.Text);
        Assert.Equal("2ce6a27d9f1e4b3c8a7f6e5d4c3b2a1908f7e6d5",
            output.Raw.StructuredContent!.Value.GetProperty("releases")[0].GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("{\"name\": \"no_such_tool\"}", "is not available in this session")]
    [InlineData("{}", "`name` is required")]
    [InlineData("{\"name\": \"find_releases\", \"arguments\": [1, 2]}", "`arguments` must be an object")]
    public async Task Execute_refuses_bad_input_with_what_to_fix(string arguments, string message)
    {
        var output = await server.CallAsync("execute_sentry_tool", JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(arguments));
        Assert.True(output.IsError);
        Assert.Contains(message, output.Text);
    }

    [Fact]
    public async Task Execute_passes_the_target_tools_own_errors_through()
    {
        var output = await server.CallAsync("execute_sentry_tool", new { name = "find_releases", arguments = new { organizationSlug = "no-such-org" } });
        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
    }
}

public sealed class SkillMembershipTests
{
    [Fact]
    public void Every_tool_belongs_to_the_skills_the_official_server_puts_it_in()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddSentryMcpCore();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<SentryToolContext>(services, _ => throw new InvalidOperationException("Not used: the catalog only reads metadata."));
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var catalog = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SentryToolCatalog>(provider);
        var mismatches = catalog.All
            .Where(t => OfficialCatalog.Skills.TryGetValue(t.Name, out var letters) && !OfficialCatalog.Parse(letters).SetEquals(t.Skills))
            .Select(t => $"{t.Name}: ours {SentrySkills.Format(t.Skills)}, official {SentrySkills.Format(OfficialCatalog.Parse(OfficialCatalog.Skills[t.Name]))}")
            .ToList();
        Assert.Empty(mismatches);
        Assert.All(catalog.All, t => Assert.True(SentrySkills.OfGroup(t.Group).Any(t.Skills.Contains), $"{t.Name}: its group {t.Group} enables none of its skills"));
    }
}

public sealed class PinnedGatewayTests(DefaultSurfaceFixtureWithOrganization server) : IClassFixture<DefaultSurfaceFixtureWithOrganization>
{
    [Fact]
    public async Task The_gateway_shows_schemas_without_the_pinned_organization_and_fills_it_in()
    {
        var search = await server.CallAsync("search_sentry_tools", new { query = "get_issue_breadcrumbs" });
        var schema = search.Raw.StructuredContent!.Value.GetProperty("results")[0].GetProperty("inputSchema");
        Assert.False(schema.GetProperty("properties").TryGetProperty("organizationSlug", out _));

        var output = await server.CallAsync("execute_sentry_tool", new { name = "find_releases", arguments = new { } });
        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Releases in **acme**", output.Text);
    }
}
