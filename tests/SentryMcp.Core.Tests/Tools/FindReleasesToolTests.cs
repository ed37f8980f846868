namespace SentryMcp.Core.Tests.Tools;

public sealed class FindReleasesToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Lists_the_organizations_releases_newest_first_with_deploys_and_new_issues()
    {
        var output = await server.CallAsync("find_releases", new { organizationSlug = "acme" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Releases in **acme**", output.Text);
        var newest = output.Text.IndexOf("## api-backend@1.18.0\n", StringComparison.Ordinal);
        var older = output.Text.IndexOf("## web-frontend@2.4.1\n", StringComparison.Ordinal);
        Assert.True(newest > 0 && older > newest, output.Text);
        Assert.Contains("**Short Version**: 2.4.1", output.Text);
        Assert.Contains("**Last Deploy**: production, finished", output.Text);
        Assert.Contains("**New Issues**: 2", output.Text);
        Assert.Contains("**Authors**: Jane Doe, Sam Lee", output.Text);
        Assert.Contains("## mobile-app@5.1.0-beta.1\n", output.Text);
        Assert.Contains("**Released**: not released yet", output.Text);
        Assert.Contains($"{server.SandboxUri}organizations/acme/releases/web-frontend%402.4.1/", output.Text);
        Assert.DoesNotContain("prototype@", output.Text);
    }

    [Fact]
    public async Task A_project_slug_keeps_only_that_projects_releases()
    {
        var output = await server.CallAsync("find_releases", new { organizationSlug = "acme", projectSlug = "web-frontend" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Releases in **acme/web-frontend**", output.Text);
        Assert.Contains("## web-frontend@2.4.0\n", output.Text);
        Assert.DoesNotContain("api-backend@", output.Text);
    }

    [Fact]
    public async Task All_as_project_slug_means_the_whole_organization()
    {
        var output = await server.CallAsync("find_releases", new { organizationSlug = "acme", projectSlug = "all" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Releases in **acme**\n", output.Text);
        Assert.Contains("## payments-service@3.2.0\n", output.Text);
    }

    [Fact]
    public async Task A_query_matches_part_of_a_commit_sha_version()
    {
        var output = await server.CallAsync("find_releases", new { organizationSlug = "acme", query = "2ce6a27" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## 2ce6a27d9f1e4b3c8a7f6e5d4c3b2a1908f7e6d5\n", output.Text);
        Assert.Contains("**Short Version**: 2ce6a27d9f1e", output.Text);
        Assert.Contains("**Projects**: `api-backend`, `payments-service`", output.Text);
        Assert.Contains("Shorten payment provider timeout by Jane Doe", output.Text);
        Assert.DoesNotContain("web-frontend@", output.Text);
    }

    [Fact]
    public async Task A_query_that_matches_nothing_says_so()
    {
        var output = await server.CallAsync("find_releases", new { organizationSlug = "acme", projectSlug = "mobile-app", query = "9.9.9" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No releases found in `acme/mobile-app` matching `9.9.9`", output.Text);
    }

    [Fact]
    public async Task An_unknown_project_is_a_helpful_error()
    {
        var output = await server.CallAsync("find_releases", new { organizationSlug = "acme", projectSlug = "no-such-project" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
        Assert.Contains("find_projects", output.Text);
    }

    [Fact]
    public async Task The_read_only_token_is_enough_to_list_releases()
    {
        await using var client = await server.StartClientAsync([], Sandbox.SandboxOptions.ReadOnlyToken);

        var output = await server.CallAsync("find_releases", new { organizationSlug = "acme", projectSlug = "api-backend" }, client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## api-backend@1.17.3\n", output.Text);
    }
}
