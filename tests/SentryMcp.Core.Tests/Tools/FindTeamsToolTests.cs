using System.Net.Http.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class FindTeamsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Lists_the_organizations_teams_with_members_and_projects()
    {
        var output = await server.CallAsync("find_teams", new { organizationSlug = "acme" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Teams in **acme**", output.Text);
        Assert.Contains("## backend\n", output.Text);
        Assert.Contains("## frontend\n", output.Text);
        Assert.Contains("## mobile\n", output.Text);
        Assert.Contains("**Members**: 4", output.Text);
        Assert.Contains("**Projects**: `api-backend`, `payments-service`", output.Text);
        Assert.DoesNotContain("research", output.Text);
        Assert.Contains("# Using this information", output.Text);
    }

    [Fact]
    public async Task A_query_keeps_only_matching_teams()
    {
        var output = await server.CallAsync("find_teams", new { organizationSlug = "acme", query = "mob" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## mobile\n", output.Text);
        Assert.DoesNotContain("## backend", output.Text);
    }

    [Fact]
    public async Task A_query_that_matches_nothing_says_so()
    {
        var output = await server.CallAsync("find_teams", new { organizationSlug = "acme", query = "no-such-team" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No teams found matching `no-such-team`", output.Text);
    }

    [Fact]
    public async Task More_than_25_teams_are_capped_with_a_hint()
    {
        for (var i = 0; i < 26; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/0/organizations/acme-labs/teams/")
            {
                Content = JsonContent.Create(new { name = $"Squad {i:00}" }),
            };
            request.Headers.Authorization = new("Bearer", SandboxOptions.DefaultToken);
            (await server.Sandbox.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var output = await server.CallAsync("find_teams", new { organizationSlug = "acme-labs" });

        Assert.False(output.IsError, output.Text);
        Assert.Equal(25, output.Text.Split("\n## ").Length - 1);
        Assert.Contains("More results are available", output.Text);
    }

    [Fact]
    public async Task An_unknown_organization_is_a_helpful_error()
    {
        var output = await server.CallAsync("find_teams", new { organizationSlug = "no-such-org" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
        Assert.Contains("find_organizations", output.Text);
    }

    [Fact]
    public async Task A_missing_organization_slug_is_an_input_error()
    {
        var output = await server.CallAsync("find_teams", new { query = "backend" });

        Assert.True(output.IsError);
        Assert.Contains("Input Error", output.Text);
        Assert.Contains("organizationSlug", output.Text);
    }
}
