using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>Each test writes to a different issue, so the notes of one do not show up in another.</summary>
public sealed class AddIssueNoteToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task A_note_is_posted_and_then_shows_in_the_issues_activity()
    {
        var output = await server.CallAsync("add_issue_note", new { organizationSlug = "acme", issueId = DemoIds.PaymentTimeoutShortId, text = "Investigating with the payments team." });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Note Added to Issue {DemoIds.PaymentTimeoutShortId} in **acme**", output.Text);
        Assert.Contains("**Author**: Jane Doe <jane@acme.example>", output.Text);
        Assert.Contains("Investigating with the payments team.", output.Text);
        Assert.Single(await server.RequestsAsync(), r => r.Method == "POST" && r.Path == $"/api/0/organizations/acme/issues/{DemoIds.PaymentTimeoutIssueId}/notes/");

        var activity = await server.CallAsync("get_issue_activity", new { organizationSlug = "acme", issueId = DemoIds.PaymentTimeoutShortId });
        var comments = activity.Text[activity.Text.IndexOf("## Comments", StringComparison.Ordinal)..];
        Assert.Contains("comment by Jane Doe <jane@acme.example>: \"Investigating with the payments team.\"", comments);
        Assert.Equal("Investigating with the payments team.", activity.Raw.StructuredContent!.Value.GetProperty("activity")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_same_comment_twice_is_refused_by_sentry_with_its_reason()
    {
        var first = await server.CallAsync("add_issue_note", new { issueUrl = $"{server.SandboxUri}organizations/acme/issues/7008/", text = "Hydration mismatch from locale formatting." });
        var second = await server.CallAsync("add_issue_note", new { issueUrl = $"{server.SandboxUri}organizations/acme/issues/7008/", text = "Hydration mismatch from locale formatting." });

        Assert.False(first.IsError, first.Text);
        Assert.True(second.IsError);
        Assert.Contains("HTTP 400", second.Text);
        Assert.Contains("You have already posted that comment.", second.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_text_is_an_input_error(string text)
    {
        var output = await server.CallAsync("add_issue_note", new { organizationSlug = "acme", issueId = DemoIds.DbLockedShortId, text });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**: The 'text' parameter is required.", output.Text);
    }

    [Fact]
    public async Task Text_over_4096_characters_is_refused_before_anything_is_posted()
    {
        var output = await server.CallAsync("add_issue_note", new { organizationSlug = "acme", issueId = DemoIds.DbLockedShortId, text = new string('x', 4097) });

        Assert.True(output.IsError);
        Assert.Contains("at most 4,096 are accepted", output.Text);
        Assert.DoesNotContain(await server.RequestsAsync(), r => r.Method == "POST" && r.Path.EndsWith($"/issues/{DemoIds.DbLockedIssueId}/notes/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_only_token_is_refused_and_no_note_is_added()
    {
        await using var client = await server.StartClientAsync(["--all-tools"], SandboxOptions.ReadOnlyToken);

        var output = await server.CallAsync("add_issue_note", new { organizationSlug = "acme", issueId = "API-BACKEND-3", text = "Should not be posted." }, client);

        Assert.True(output.IsError);
        Assert.Contains("HTTP 403", output.Text);
        var activity = await server.CallAsync("get_issue_activity", new { organizationSlug = "acme", issueId = "API-BACKEND-3" });
        Assert.DoesNotContain("Should not be posted.", activity.Text);
    }
}
