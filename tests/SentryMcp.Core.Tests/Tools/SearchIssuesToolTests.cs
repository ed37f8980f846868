using System.Net.Http.Headers;
using System.Text.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class SearchIssuesToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task By_default_lists_unresolved_issues_with_their_facts_and_links()
    {
        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Issues in **acme**", output.Text);
        Assert.Contains("## 1. API-BACKEND-1: AttributeError: 'NoneType' object has no attribute 'email'", output.Text);
        Assert.Contains("**Culprit**: app.views.users in get_profile", output.Text);
        Assert.Contains("**Events**: 1,284", output.Text);
        Assert.Contains($"{server.SandboxUri}organizations/acme/issues/API-BACKEND-1/", output.Text);
        Assert.Contains("PAYMENTS-SERVICE-1", output.Text);
        Assert.DoesNotContain("MOBILE-APP-1", output.Text);
        Assert.DoesNotContain("API-BACKEND-4", output.Text);
        Assert.Contains("get_issue_details(organizationSlug='acme', issueId='API-BACKEND-1')", output.Text);
    }

    [Fact]
    public async Task Status_filters_pass_through_to_sentry()
    {
        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme", query = "is:resolved" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("MOBILE-APP-1: Error: Network request failed", output.Text);
        Assert.Contains("Found 1 issue:", output.Text);
    }

    [Fact]
    public async Task Assigned_to_me_finds_the_issues_of_the_token_owner()
    {
        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme", query = "assigned:me" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("API-BACKEND-1", output.Text);
        Assert.Contains("Found 1 issue:", output.Text);
    }

    [Fact]
    public async Task A_project_slug_limits_the_search_to_that_project()
    {
        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme", projectSlugOrId = "payments-service" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Issues in **acme/payments-service**", output.Text);
        Assert.Contains("PAYMENTS-SERVICE-1", output.Text);
        Assert.Contains("PAYMENTS-SERVICE-2", output.Text);
        Assert.DoesNotContain("API-BACKEND", output.Text);
    }

    [Fact]
    public async Task A_numeric_project_id_limits_the_search_to_that_project()
    {
        var projectId = await ProjectIdOfIssueAsync(DemoIds.UndefinedMapIssueId);

        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme", projectSlugOrId = projectId });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("WEB-FRONTEND-1", output.Text);
        Assert.Contains("WEB-FRONTEND-2", output.Text);
        Assert.DoesNotContain("API-BACKEND", output.Text);
    }

    [Fact]
    public async Task Sorting_by_frequency_puts_the_most_frequent_issue_first()
    {
        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme", sort = "freq" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## 1. API-BACKEND-3: N+1 Query", output.Text);
    }

    [Fact]
    public async Task Free_text_matches_titles()
    {
        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme", query = "database locked" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("API-BACKEND-2: OperationalError: database is locked", output.Text);
        Assert.Contains("Found 1 issue:", output.Text);
    }

    [Fact]
    public async Task A_capped_list_says_more_are_available()
    {
        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme", limit = 2 });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("Found 2 issues:", output.Text);
        Assert.Contains("More results are available", output.Text);
    }

    [Fact]
    public async Task A_query_that_matches_nothing_says_no_issues_found()
    {
        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme", query = "is:unresolved zebra-stripes" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No issues found matching `is:unresolved zebra-stripes`", output.Text);
    }

    [Fact]
    public async Task An_organization_without_issues_says_no_issues_found()
    {
        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme-labs" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No issues found", output.Text);
    }

    [Fact]
    public async Task An_unknown_organization_is_an_error()
    {
        var output = await server.CallAsync("search_issues", new { organizationSlug = "no-such-org" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
    }

    [Theory]
    [InlineData("sort", "loudest", "Invalid sort 'loudest'")]
    [InlineData("period", "1y", "Invalid period '1y'")]
    [InlineData("limit", 0, "limit must be between 1 and 100")]
    [InlineData("limit", 101, "limit must be between 1 and 100")]
    public async Task Invalid_arguments_are_input_errors(string name, object value, string message)
    {
        var args = new Dictionary<string, object> { ["organizationSlug"] = "acme", [name] = value };

        var output = await server.CallAsync("search_issues", args);

        Assert.True(output.IsError);
        Assert.Contains(message, output.Text);
    }

    [Fact]
    public async Task A_missing_organization_is_an_error()
    {
        var output = await server.CallAsync("search_issues", new { query = "is:unresolved" });

        Assert.True(output.IsError);
        Assert.Contains("organizationSlug", output.Text);
    }

    private async Task<string> ProjectIdOfIssueAsync(string issueId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/0/organizations/acme/issues/{issueId}/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SandboxOptions.DefaultToken);
        using var response = await server.Sandbox.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("project").GetProperty("id").GetString()!;
    }
}
