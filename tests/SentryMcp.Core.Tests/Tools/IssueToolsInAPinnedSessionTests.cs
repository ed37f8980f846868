using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>The issue deep-dive tools in a session pinned to one organization and project.</summary>
public sealed class IssueToolsInAPinnedSessionTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Issues_of_the_pinned_project_are_reachable_and_others_are_refused_without_writing()
    {
        await using var client = await server.StartClientAsync(["--all-tools", "--organization-slug=acme", "--project-slug=mobile-app"], SandboxOptions.DefaultToken);

        var own = await server.CallAsync("get_event_stacktrace", new { issueId = DemoIds.NetworkShortId }, client);
        var otherRead = await server.CallAsync("get_issue_breadcrumbs", new { issueId = DemoIds.NoneTypeShortId }, client);
        var otherWrite = await server.CallAsync("add_issue_note", new { issueId = DemoIds.NoneTypeShortId, text = "Out of scope." }, client);
        var otherOrg = await server.CallAsync("get_issue_activity", new { issueUrl = $"{server.SandboxUri}organizations/acme-labs/issues/7001/" }, client);

        Assert.False(own.IsError, own.Text);
        Assert.Contains("com.facebook.react.JavaScript", own.Text);
        Assert.True(otherRead.IsError);
        Assert.Contains($"Issue {DemoIds.NoneTypeShortId} belongs to project 'api-backend', but this session is limited to project 'mobile-app'", otherRead.Text);
        Assert.True(otherWrite.IsError);
        Assert.DoesNotContain(await server.RequestsAsync(), r => r.Method == "POST" && r.Path.EndsWith("/notes/", StringComparison.Ordinal));
        Assert.True(otherOrg.IsError);
        Assert.Contains("this session is limited to 'acme'", otherOrg.Text);
    }
}
