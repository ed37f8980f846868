using System.Text.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>
/// What clients and the web UI read from <c>structuredContent</c> (the fixture already checks every
/// answer against its tool's outputSchema): the same facts the markdown gives.
/// </summary>
public sealed class StructuredOutputTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Whoami_gives_the_user_and_no_constraints_in_an_unpinned_session()
    {
        var output = await server.CallAsync("whoami");

        var data = Data(output);
        Assert.Equal("jane@acme.example", data.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("Jane Doe", data.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("sessionConstraints").ValueKind);
    }

    [Fact]
    public async Task Whoami_gives_the_pinned_organization_of_a_scoped_session()
    {
        await using var client = await server.StartClientAsync(["--organization-slug=acme"], SandboxOptions.DefaultToken);

        var output = await server.CallAsync("whoami", client: client);

        Assert.Equal("acme", Data(output).GetProperty("sessionConstraints").GetProperty("organizationSlug").GetString());
        Assert.Contains("`find_projects(organizationSlug='acme')`", output.Text);
    }

    [Fact]
    public async Task Find_organizations_gives_slugs_and_region_urls_and_hints_with_real_parameter_names()
    {
        var output = await server.CallAsync("find_organizations");

        var organizations = Data(output).GetProperty("organizations").EnumerateArray().ToList();
        Assert.Contains(organizations, o => o.GetProperty("slug").GetString() == "acme" && o.GetProperty("webUrl").GetString()!.EndsWith("/organizations/acme/", StringComparison.Ordinal));
        Assert.DoesNotContain("naturalLanguageQuery", output.Text);
        Assert.Contains("`search_issues(organizationSlug='acme', query=", output.Text);
    }

    [Fact]
    public async Task Find_projects_gives_ids_platforms_and_teams_and_hints_with_real_parameter_names()
    {
        var output = await server.CallAsync("find_projects", new { organizationSlug = "acme" });

        var backend = Data(output).GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "api-backend");
        Assert.Equal("python-django", backend.GetProperty("platform").GetString());
        Assert.Equal(["backend"], backend.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
        Assert.DoesNotContain("naturalLanguageQuery", output.Text);
        Assert.Contains("`search_issues(organizationSlug='acme', projectSlugOrId=", output.Text);
    }

    [Fact]
    public async Task Find_teams_and_find_dsns_give_their_entities()
    {
        var teams = await server.CallAsync("find_teams", new { organizationSlug = "acme" });
        var dsns = await server.CallAsync("find_dsns", new { organizationSlug = "acme", projectSlug = "api-backend" });

        Assert.Contains(Data(teams).GetProperty("teams").EnumerateArray(), t => t.GetProperty("slug").GetString() == "backend" && t.GetProperty("memberCount").GetInt32() == 4);
        var key = Data(dsns).GetProperty("dsns").EnumerateArray().First();
        Assert.StartsWith("http", key.GetProperty("dsn").GetString());
        Assert.Contains(key.GetProperty("dsn").GetString()!, dsns.Text);
    }

    [Fact]
    public async Task Search_issues_gives_each_issue_with_counts_and_an_hourly_sparkline()
    {
        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme", query = "is:unresolved" });

        var data = Data(output);
        Assert.Equal("is:unresolved", data.GetProperty("query").GetString());
        var issue = data.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("shortId").GetString() == DemoIds.NoneTypeShortId);
        Assert.Equal(1284, issue.GetProperty("count").GetInt64());
        Assert.Equal("api-backend", issue.GetProperty("project").GetString());
        var stats = issue.GetProperty("stats").EnumerateArray().ToList();
        Assert.Equal(24, stats.Count);
        Assert.Contains(stats, s => s.GetProperty("count").GetInt64() > 0);
        Assert.True(stats.Zip(stats.Skip(1)).All(p => p.Second.GetProperty("timestamp").GetInt64() - p.First.GetProperty("timestamp").GetInt64() == 3600));
    }

    [Fact]
    public async Task Search_issues_without_a_language_model_runs_plain_words_as_sentry_search_and_says_so()
    {
        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme", query = "database is locked" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Note**: No language model is configured", output.Text);
        Assert.Contains(DemoIds.DbLockedShortId, output.Text);
        Assert.Equal("database is locked", Data(output).GetProperty("query").GetString());
    }

    [Fact]
    public async Task Get_issue_details_gives_the_issue_the_event_with_compact_frames_and_the_seer_summary()
    {
        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        var data = Data(output);
        Assert.Equal(DemoIds.NoneTypeShortId, data.GetProperty("issue").GetProperty("shortId").GetString());
        var ev = data.GetProperty("event");
        Assert.Equal(DemoIds.NoneTypeEventId, ev.GetProperty("id").GetString());
        Assert.Equal(DemoIds.CheckoutTraceId, ev.GetProperty("traceId").GetString());
        var exception = ev.GetProperty("exceptions")[0];
        Assert.Equal("AttributeError", exception.GetProperty("type").GetString());
        var crash = exception.GetProperty("frames").EnumerateArray().Last(f => f.GetProperty("inApp").GetBoolean());
        Assert.Equal("app/views/users.py", crash.GetProperty("filename").GetString());
        Assert.Equal(42, crash.GetProperty("lineNo").GetInt32());
        Assert.Equal("get_profile", crash.GetProperty("function").GetString());
        Assert.Equal("completed", data.GetProperty("seer").GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(data.GetProperty("seer").GetProperty("rootCause").GetString()));
    }

    [Fact]
    public async Task Analyze_issue_with_seer_gives_status_root_cause_and_solution()
    {
        var output = await server.CallAsync("analyze_issue_with_seer", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        var data = Data(output);
        Assert.Equal(DemoIds.NoneTypeShortId, data.GetProperty("issueId").GetString());
        Assert.Equal("completed", data.GetProperty("status").GetString());
        Assert.Contains("None", data.GetProperty("rootCause").GetString());
        Assert.False(string.IsNullOrEmpty(data.GetProperty("solution").GetString()));
    }

    [Fact]
    public async Task Get_event_attachment_lists_attachments_and_marks_a_downloaded_image()
    {
        var list = await server.CallAsync("get_event_attachment", new { organizationSlug = "acme", projectSlug = "web-frontend", eventId = DemoIds.UndefinedMapEventId });
        var image = await server.CallAsync("get_event_attachment", new { organizationSlug = "acme", projectSlug = "web-frontend", eventId = DemoIds.UndefinedMapEventId, attachmentId = DemoIds.ScreenshotAttachmentId });

        Assert.Contains(Data(list).GetProperty("attachments").EnumerateArray(), a => a.GetProperty("id").GetString() == DemoIds.ScreenshotAttachmentId);
        Assert.Equal("image", Data(image).GetProperty("content").GetString());
        Assert.Equal("image/png", Data(image).GetProperty("attachments")[0].GetProperty("mimeType").GetString());
        Assert.Contains(image.Raw.Content, c => c is ModelContextProtocol.Protocol.ImageContentBlock);
    }

    [Fact]
    public async Task Search_docs_and_get_doc_give_paths_and_the_page()
    {
        var search = await server.CallAsync("search_docs", new { query = "aspnet core" });
        var path = Data(search).GetProperty("results")[0].GetProperty("path").GetString()!;
        var page = await server.CallAsync("get_doc", new { path });

        Assert.Equal("/platforms/dotnet/guides/aspnetcore.md", path);
        Assert.Equal(path, Data(page).GetProperty("path").GetString());
        Assert.Contains("ASP.NET Core", Data(page).GetProperty("markdown").GetString());
        Assert.False(Data(page).GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Create_team_and_create_dsn_give_the_new_entities()
    {
        var team = await server.CallAsync("create_team", new { organizationSlug = "acme", name = "Structured Output" });
        var key = await server.CallAsync("create_dsn", new { organizationSlug = "acme", projectSlug = "mobile-app", name = "Structured" });

        Assert.Equal("structured-output", Data(team).GetProperty("team").GetProperty("slug").GetString());
        Assert.Equal("Structured", Data(key).GetProperty("dsn").GetProperty("name").GetString());
        Assert.Contains(Data(key).GetProperty("dsn").GetProperty("dsn").GetString()!, key.Text);
    }

    private static JsonElement Data(ToolOutput output)
    {
        Assert.False(output.IsError, output.Text);
        return output.Raw.StructuredContent!.Value;
    }
}
