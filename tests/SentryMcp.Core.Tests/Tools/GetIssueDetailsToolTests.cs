using System.Text.Json;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetIssueDetailsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Shows_the_issue_facts_and_the_latest_event_with_its_crashing_line()
    {
        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Issue API-BACKEND-1 in **acme**", output.Text);
        Assert.Contains("**Description**: AttributeError: 'NoneType' object has no attribute 'email'", output.Text);
        Assert.Contains("**Culprit**: app.views.users in get_profile", output.Text);
        Assert.Contains("**Status**: unresolved (escalating)", output.Text);
        Assert.Contains("**Occurrences**: 1,284", output.Text);
        Assert.Contains("**Users Impacted**: 231", output.Text);
        Assert.Contains($"{server.SandboxUri}organizations/acme/issues/API-BACKEND-1/", output.Text);
        Assert.Contains($"**Event ID**: {DemoIds.NoneTypeEventId}", output.Text);
        Assert.Contains("app/views/users.py:42 in get_profile  [in-app]", output.Text);
        Assert.Matches(@">\s+42 \|     return JsonResponse\(\{""email"": profile.email,", output.Text);
        Assert.Contains("`profile`: `None`", output.Text);
        Assert.Contains($"**Trace ID**: {DemoIds.CheckoutTraceId}", output.Text);
        Assert.Contains("### Breadcrumbs", output.Text);
        Assert.Contains("**URL**: https://api.acme.example/api/users/48213/profile/", output.Text);
        Assert.Contains("**browser**: name=Chrome", output.Text);
        Assert.Contains("# Using this information", output.Text);
    }

    [Fact]
    public async Task Structured_output_carries_the_event_volume_the_tag_summary_and_the_source_of_the_frames_nearest_the_crash()
    {
        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        Assert.False(output.IsError, output.Text);
        var data = output.Raw.StructuredContent!.Value;
        var stats = data.GetProperty("issue").GetProperty("stats");
        Assert.Equal(24, stats.GetArrayLength());
        Assert.True(stats.EnumerateArray().Sum(p => p.GetProperty("count").GetInt64()) > 0);
        var tags = data.GetProperty("tags").EnumerateArray().ToList();
        var environment = tags.Single(t => t.GetProperty("key").GetString() == "environment");
        Assert.Equal(1284, environment.GetProperty("totalValues").GetInt64());
        Assert.Equal("production", environment.GetProperty("topValues")[0].GetProperty("value").GetString());
        Assert.Equal(1201, environment.GetProperty("topValues")[0].GetProperty("count").GetInt64());
        var frames = data.GetProperty("event").GetProperty("exceptions")[0].GetProperty("frames").EnumerateArray().ToList();
        var crashing = frames.Single(f => f.GetProperty("function").GetString() == "get_profile");
        var context = crashing.GetProperty("context").EnumerateArray().ToList();
        Assert.Equal(5, context.Count);
        var errorLine = context.Single(l => l.GetProperty("lineNo").GetInt32() == 42);
        Assert.Contains("return JsonResponse", errorLine.GetProperty("line").GetString());
        // Frames Sentry sent without source have none.
        Assert.Equal(JsonValueKind.Null, frames.Single(f => f.GetProperty("function").GetString() == "inner").GetProperty("context").ValueKind);
    }

    [Fact]
    public async Task An_issue_url_with_an_event_shows_that_event_instead_of_the_latest()
    {
        const string olderEvent = "c1b2c3d4e5f6478990a1b2c3d4e5f601";

        var output = await server.CallAsync("get_issue_details", new { issueUrl = $"{server.SandboxUri}organizations/acme/issues/{DemoIds.NoneTypeIssueId}/events/{olderEvent}/" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains($"**Event ID**: {olderEvent}", output.Text);
        Assert.DoesNotContain(DemoIds.CheckoutTraceId, output.Text);
    }

    [Fact]
    public async Task An_event_id_alone_finds_its_issue()
    {
        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", eventId = DemoIds.UndefinedMapEventId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Issue WEB-FRONTEND-1 in **acme**", output.Text);
        Assert.Contains("src/components/OrderList.tsx:18:21 in OrderList  [in-app]", output.Text);
        Assert.Contains("**Assigned To**: Team #frontend", output.Text);
    }

    [Fact]
    public async Task Chained_exceptions_show_the_reported_one_first_and_its_cause_after()
    {
        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = DemoIds.PaymentTimeoutIssueId });

        Assert.False(output.IsError, output.Text);
        var error = output.Text.IndexOf("System.TimeoutException: Payment provider did not answer", StringComparison.Ordinal);
        var cause = output.Text.IndexOf("### Caused By", StringComparison.Ordinal);
        Assert.True(error > 0 && cause > error, output.Text);
        Assert.Contains("System.Threading.Tasks.TaskCanceledException", output.Text);
        Assert.Contains($"**Trace ID**: {DemoIds.CheckoutTraceId}", output.Text);
    }

    [Fact]
    public async Task A_performance_issue_shows_its_evidence()
    {
        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = "API-BACKEND-3" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Description**: N+1 Query", output.Text);
        Assert.Contains("**Category**: performance", output.Text);
        Assert.Contains("### Evidence", output.Text);
        Assert.Contains("**Repeating Spans (25)**", output.Text);
    }

    [Fact]
    public async Task A_completed_seer_run_shows_its_root_cause_and_solution_summaries()
    {
        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        Assert.False(output.IsError, output.Text);
        var seer = output.Text.IndexOf("## Seer Analysis", StringComparison.Ordinal);
        Assert.True(seer > 0, output.Text);
        var section = output.Text[seer..];
        Assert.Contains("**Status**: Complete", section);
        Assert.Matches(@"\*\*Run ID\*\*: \d+", section);
        Assert.Contains("**Root Cause**: `get_user_profile` in app/views/users.py reads `user.email` on the result of `get_active_user(user_id)`, which returns None for deleted users.", section);
        Assert.Contains("**Solution**: Guard the missing-user case in `get_user_profile` and answer 404 instead of crashing.", section);
        Assert.Contains("Full Seer analysis with code changes: `analyze_issue_with_seer(organizationSlug='acme', issueId='API-BACKEND-1')`", output.Text);
    }

    [Fact]
    public async Task An_issue_without_a_seer_run_has_no_seer_section()
    {
        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = DemoIds.UndefinedMapShortId });

        Assert.False(output.IsError, output.Text);
        Assert.DoesNotContain("## Seer Analysis", output.Text);
        Assert.Contains("Ask Seer for the root cause and a fix", output.Text);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    [InlineData(403)]
    public async Task A_failing_seer_lookup_does_not_hide_the_issue(int status)
    {
        var autofix = $"/api/0/organizations/acme/issues/{DemoIds.NoneTypeIssueId}/autofix/";
        var before = (await server.RequestsAsync()).Count(r => r.Path == autofix);
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, autofix, Status: status));

        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Description**: AttributeError: 'NoneType' object has no attribute 'email'", output.Text);
        Assert.Contains("app/views/users.py:42 in get_profile", output.Text);
        Assert.DoesNotContain("## Seer Analysis", output.Text);
        Assert.Equal(before + 1, (await server.RequestsAsync()).Count(r => r.Path == autofix));
    }

    /// <summary>Current Sentry: agent blocks whose artifacts carry the root cause and the solution.</summary>
    private const string AgentRun = """
        {"autofix": {"run_id": 42, "status": "completed", "blocks": [
          {"artifacts": [{"key": "root_cause", "data": {"one_line_description": "The profile is missing for deleted users.", "five_whys": ["a", "b"]}}]},
          {"artifacts": [{"key": "solution", "data": {"one_line_summary": "Return 404 when the user has no profile", "steps": [{"title": "Guard", "description": "Check for None."}]}}]}]}}
        """;

    /// <summary>Older installations: typed steps with causes and solution items.</summary>
    private const string LegacyRun = """
        {"autofix": {"run_id": 42, "status": "COMPLETED", "steps": [
          {"type": "root_cause_analysis", "causes": [{"description": "The profile is missing for deleted users.",
            "root_cause_reproduction": [{"title": "get_profile reads profile.email without a check", "code_snippet_and_analysis": "..."}]}]},
          {"type": "solution", "solution": [{"title": "Return 404 when the user has no profile", "code_snippet_and_analysis": "..."}]}]}}
        """;

    [Theory]
    [InlineData(AgentRun)]
    [InlineData(LegacyRun)]
    public void A_seer_run_of_either_shape_is_summarised_in_one_line_each(string body)
    {
        var state = JsonSerializer.Deserialize<AutofixState>(body, SentryJson.Options)!;
        var md = new Markdown();

        SeerFormatter.AppendSummary(md, state.Autofix!);

        var text = md.ToString();
        Assert.Contains("## Seer Analysis", text);
        Assert.Contains("**Status**: Complete", text);
        Assert.Contains("**Run ID**: 42", text);
        Assert.Contains("**Root Cause**: The profile is missing for deleted users.", text);
        Assert.Contains("**Solution**: Return 404 when the user has no profile", text);
        Assert.DoesNotContain("Check for None.", text);
        Assert.DoesNotContain("get_profile reads profile.email", text);
    }

    [Fact]
    public void A_seer_run_still_in_progress_shows_its_status_without_summaries()
    {
        var run = JsonSerializer.Deserialize<AutofixState>("""{"autofix": {"run_id": "7", "status": "processing", "blocks": []}}""", SentryJson.Options)!.Autofix!;
        var md = new Markdown();

        SeerFormatter.AppendSummary(md, run);

        var text = md.ToString();
        Assert.Contains("**Status**: Processing", text);
        Assert.DoesNotContain("**Root Cause**", text);
        Assert.DoesNotContain("**Solution**", text);
    }

    [Fact]
    public async Task An_unknown_issue_is_an_error_that_says_it_was_not_found()
    {
        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = "API-BACKEND-999" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
        Assert.Contains("Issue not found", output.Text);
    }

    [Fact]
    public async Task An_unknown_organization_is_an_error()
    {
        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "no-such-org", issueId = DemoIds.NoneTypeShortId });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
        Assert.Contains("Organization not found", output.Text);
    }

    [Fact]
    public async Task An_unknown_event_of_a_known_issue_says_which_event_is_missing()
    {
        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, eventId = "ffffffffffffffffffffffffffffffff" });

        Assert.True(output.IsError);
        Assert.Contains("Event ffffffffffffffffffffffffffffffff was not found in issue API-BACKEND-1", output.Text);
    }

    [Fact]
    public async Task Without_an_issue_or_event_it_asks_for_one()
    {
        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "acme" });

        Assert.True(output.IsError);
        Assert.Contains("Input Error", output.Text);
        Assert.Contains("issueUrl", output.Text);
    }

    [Fact]
    public async Task A_malformed_event_id_is_an_input_error()
    {
        var output = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", eventId = "not-an-event" });

        Assert.True(output.IsError);
        Assert.Contains("not a valid event ID", output.Text);
    }
}
