using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using SentryMcp.Core.Tools;
using SentryMcp.Sandbox;

namespace SentryMcp.Server.Tests.Mcp;

/// <summary><c>?skills=</c>, <c>?disable-skills=</c> and <c>?tools=all</c> on every MCP URL, with the SDK's client.</summary>
public sealed class SkillQueryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<HashSet<string>> ToolNamesAsync(string path, HttpTransportMode mode = HttpTransportMode.StreamableHttp)
    {
        await using var client = await server.ConnectAsync(path, mode);
        return [.. (await client.ListToolsAsync()).Select(t => t.Name)];
    }

    [Theory]
    [InlineData(HttpTransportMode.StreamableHttp, "mcp?skills=inspect")]
    [InlineData(HttpTransportMode.Sse, "sse?skills=inspect")]
    [InlineData(HttpTransportMode.StreamableHttp, "mcp/acme?skills=inspect")]
    [InlineData(HttpTransportMode.Sse, "sse/acme/web-frontend?skills=inspect")]
    public async Task Skills_keep_only_the_tools_of_those_skills_on_every_url(HttpTransportMode mode, string path)
    {
        var tools = await ToolNamesAsync(path, mode);

        Assert.Contains("search_issues", tools);
        Assert.Contains("get_issue_details", tools);
        Assert.DoesNotContain("update_issue", tools);
        Assert.DoesNotContain("analyze_issue_with_seer", tools);
        Assert.DoesNotContain("create_team", tools);
    }

    [Fact]
    public async Task Disable_skills_removes_skills_and_combines_with_skills()
    {
        var disabled = await ToolNamesAsync("mcp?disable-skills=seer,project-management");
        var both = await ToolNamesAsync("mcp/acme?skills=inspect,triage,seer&disable-skills=seer");

        Assert.Contains("update_issue", disabled);
        Assert.DoesNotContain("analyze_issue_with_seer", disabled);
        Assert.DoesNotContain("create_team", disabled);
        Assert.Contains("update_issue", both);
        Assert.Contains("search_issues", both);
        Assert.DoesNotContain("analyze_issue_with_seer", both);
    }

    [Fact]
    public async Task Without_a_query_every_granted_skill_is_served()
    {
        var tools = await ToolNamesAsync("mcp");

        Assert.Contains("update_issue", tools);
        Assert.Contains("analyze_issue_with_seer", tools);
        Assert.Contains("create_team", tools);
    }

    [Theory]
    [InlineData("mcp?tools=all")]
    [InlineData("sse?tools=all")]
    public async Task Tools_all_lists_every_tool_and_no_gateway(string path)
    {
        var tools = await ToolNamesAsync(path, path.StartsWith("sse", StringComparison.Ordinal) ? HttpTransportMode.Sse : HttpTransportMode.StreamableHttp);

        var catalog = server.App.Services.GetRequiredService<SentryToolCatalog>();
        Assert.Equal(catalog.All.Select(t => t.Name).ToHashSet(), tools);
        Assert.DoesNotContain(tools, ToolSurfaces.Gateway.Contains);
    }

    [Theory]
    [InlineData("mcp?skills=inspect,bogus", 400, "INVALID_SKILLS", "skills names unknown skill 'bogus'. Valid skills: inspect, seer, docs, triage, project-management.")]
    [InlineData("mcp/acme?skills=", 400, "INVALID_SKILLS", "skills names no skill.")]
    [InlineData("mcp?disable-skills=nope", 400, "INVALID_SKILLS", "disable-skills names unknown skill 'nope'.")]
    [InlineData("mcp?disable-skills=inspect,seer,triage,project-management", 400, "INVALID_SKILLS", "disable-skills disables every skill")]
    [InlineData("sse?skills=admin", 400, "INVALID_SKILLS", "Valid skills: inspect")]
    [InlineData("mcp?tools=everything", 400, "INVALID_TOOLS_PARAMETER", "Use ?tools=all")]
    [InlineData("mcp?tools=all&tools=default", 400, "INVALID_TOOLS_PARAMETER", "Use ?tools=all")]
    public async Task Unusable_values_are_refused_before_serving_naming_what_is_valid(string path, int status, string code, string detail)
    {
        using var request = new HttpRequestMessage(path.StartsWith("sse", StringComparison.Ordinal) ? HttpMethod.Get : HttpMethod.Post, path);
        request.Headers.TryAddWithoutValidation("Authorization", "Sentry-Bearer " + SandboxOptions.DefaultToken);
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        if (request.Method == HttpMethod.Post)
        {
            request.Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""", System.Text.Encoding.UTF8, "application/json");
        }

        var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("web-frontend")]
    [InlineData("api-backend")]
    public async Task A_project_scoped_url_hides_the_tools_for_data_the_project_has_none_of(string project)
    {
        // What the project has, as Sentry itself reports it (the sandbox's project details).
        using var sentry = new HttpClient { BaseAddress = new Uri(server.App.Configuration["Sentry:Host"]!.TrimEnd('/') + "/") };
        sentry.DefaultRequestHeaders.Authorization = new("Bearer", SandboxOptions.DefaultToken);
        var details = await sentry.GetFromJsonAsync<JsonElement>($"api/0/projects/acme/{project}/");
        bool Has(string field) => details.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.True;
        var needs = new Dictionary<string, bool>
        {
            ["get_replay_details"] = Has("hasReplays"),
            ["get_profile"] = Has("hasProfiles"),
            ["get_profile_details"] = Has("hasProfiles"),
            ["get_trace_details"] = Has("firstTransactionEvent"),
            ["get_span_details"] = Has("firstTransactionEvent"),
        };
        var catalog = server.App.Services.GetRequiredService<SentryToolCatalog>().All.Select(t => t.Name).ToHashSet();
        var expected = catalog.Except(["find_organizations", "find_projects", "create_project"])
            .Where(name => needs.GetValueOrDefault(name, true)).ToHashSet();

        var tools = await ToolNamesAsync($"mcp/acme/{project}?tools=all");

        Assert.Equal(expected, tools);
        // The demo projects all have traces: a project answer that was not read would hide get_trace_details.
        Assert.Contains("get_trace_details", tools);
    }
}
