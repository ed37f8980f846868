namespace SentryMcp.Core.Tests.Tools;

public sealed class FindProjectsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Lists_every_project_with_platform_team_and_link()
    {
        var output = await server.CallAsync("find_projects", new { organizationSlug = "acme" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Projects in **acme**", output.Text);
        foreach (var slug in new[] { "web-frontend", "api-backend", "payments-service", "mobile-app" })
        {
            Assert.Contains($"## {slug}\n", output.Text);
        }
        Assert.Contains("**Platform**: python-django", output.Text);
        Assert.Contains("**Teams**: `backend`", output.Text);
        Assert.Contains($"{server.SandboxUri}organizations/acme/projects/web-frontend/", output.Text);
        Assert.DoesNotContain("prototype", output.Text);
    }

    [Fact]
    public async Task A_query_filters_by_slug_or_name()
    {
        var bySlug = await server.CallAsync("find_projects", new { organizationSlug = "acme", query = "pay" });
        var byName = await server.CallAsync("find_projects", new { organizationSlug = "acme", query = "Mobile App" });

        Assert.Contains("## payments-service\n", bySlug.Text);
        Assert.DoesNotContain("## api-backend", bySlug.Text);
        Assert.Contains("## mobile-app\n", byName.Text);
        Assert.DoesNotContain("## web-frontend", byName.Text);
    }

    [Fact]
    public async Task A_query_that_matches_nothing_says_so()
    {
        var output = await server.CallAsync("find_projects", new { organizationSlug = "acme", query = "nothing-like-this" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No projects found matching `nothing-like-this`", output.Text);
    }

    [Fact]
    public async Task An_unknown_organization_is_a_helpful_error()
    {
        var output = await server.CallAsync("find_projects", new { organizationSlug = "no-such-org" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
        Assert.Contains("find_organizations", output.Text);
    }

    [Fact]
    public async Task A_blank_organization_slug_is_an_input_error()
    {
        var output = await server.CallAsync("find_projects", new { organizationSlug = "  " });

        Assert.True(output.IsError);
        Assert.Contains("Input Error", output.Text);
        Assert.Contains("organizationSlug", output.Text);
    }
}
