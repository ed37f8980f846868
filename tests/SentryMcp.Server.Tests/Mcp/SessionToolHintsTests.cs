using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;
using SentryMcp.Server.Tests.Auth;

namespace SentryMcp.Server.Tests.Mcp;

/// <summary>
/// Tool answers suggest only tools the session can call: a read-only grant is never told to run
/// update_issue or start a Seer analysis, a grant with triage and Seer is.
/// </summary>
public sealed class SessionToolHintsTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    private static readonly Dictionary<string, object?> Issue = new() { ["organizationSlug"] = "acme", ["issueId"] = DemoIds.NoneTypeShortId };

    [Fact]
    public async Task A_read_only_grant_gets_issue_details_without_triage_or_seer_hints()
    {
        await using var client = await ConnectAsync();

        var details = await CallAsync(client, "get_issue_details", Issue);
        var issues = await CallAsync(client, "search_issues", new() { ["organizationSlug"] = "acme", ["query"] = "is:unresolved" });

        Assert.Contains("# Using this information", details);
        Assert.Contains($"get_trace_details(organizationSlug='acme', traceId='{DemoIds.CheckoutTraceId}')", details);
        Assert.DoesNotContain("update_issue", details);
        Assert.DoesNotContain("analyze_issue_with_seer", details);
        Assert.Contains("get_issue_details(organizationSlug='acme'", issues);
        Assert.DoesNotContain("update_issue", issues);
    }

    [Fact]
    public async Task A_grant_with_triage_and_seer_gets_both_hints()
    {
        await using var client = await ConnectAsync("IssueTriage", "Seer");

        var details = await CallAsync(client, "get_issue_details", Issue);

        Assert.Contains($"update_issue(organizationSlug='acme', issueId='{DemoIds.NoneTypeShortId}', status='resolved')", details);
        Assert.Contains($"analyze_issue_with_seer(organizationSlug='acme', issueId='{DemoIds.NoneTypeShortId}')", details);
    }

    private async Task<McpClient> ConnectAsync(params string[] groups)
    {
        using var browser = server.NewBrowser();
        var (_, tokens) = await browser.SignInAsync(null, groups);
        return await server.ConnectWithBearerAsync(tokens.AccessToken);
    }

    private static async Task<string> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments);
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
        Assert.True(result.IsError != true, text);
        return text;
    }
}
