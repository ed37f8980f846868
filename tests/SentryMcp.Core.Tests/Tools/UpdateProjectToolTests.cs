using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class UpdateProjectToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task A_slug_rename_is_visible_in_the_next_listing_and_keys_follow_the_project()
    {
        await CreateProjectAsync("Billing Jobs");

        var output = await server.CallAsync("update_project", new { organizationSlug = "acme", projectSlug = "billing-jobs", slug = "billing-workers", name = "Billing Workers" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Slug**: billing-workers", output.Text);
        Assert.Contains("**Name**: Billing Workers", output.Text);
        Assert.Contains("from `billing-jobs` to `billing-workers`", output.Text);
        var projects = await server.CallAsync("find_projects", new { organizationSlug = "acme", query = "billing" });
        Assert.Contains("## billing-workers\n", projects.Text);
        Assert.DoesNotContain("## billing-jobs", projects.Text);
        var dsns = await server.CallAsync("find_dsns", new { organizationSlug = "acme", projectSlug = "billing-workers" });
        Assert.Contains("## Default\n", dsns.Text);
    }

    [Fact]
    public async Task A_platform_change_keeps_the_slug()
    {
        await CreateProjectAsync("Report Builder");

        var output = await server.CallAsync("update_project", new { organizationSlug = "acme", projectSlug = "report-builder", platform = "python-fastapi" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Platform**: python-fastapi", output.Text);
        Assert.Contains("keeps its slug `report-builder`", output.Text);
    }

    [Fact]
    public async Task Nothing_to_change_is_an_input_error()
    {
        var output = await server.CallAsync("update_project", new { organizationSlug = "acme", projectSlug = "mobile-app" });

        Assert.True(output.IsError);
        Assert.Contains("Nothing to update", output.Text);
        Assert.Contains("`name`, `slug` or `platform`", output.Text);
    }

    [Fact]
    public async Task A_slug_used_by_another_project_shows_sentrys_reason()
    {
        var output = await server.CallAsync("update_project", new { organizationSlug = "acme", projectSlug = "mobile-app", slug = "api-backend" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 400", output.Text);
        Assert.Contains("already using that slug", output.Text);
    }

    [Fact]
    public async Task An_unknown_project_is_a_helpful_error()
    {
        var output = await server.CallAsync("update_project", new { organizationSlug = "acme", projectSlug = "no-such-project", name = "Anything" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
    }

    [Fact]
    public async Task A_read_only_token_is_refused_and_the_needed_scope_is_named()
    {
        await using var client = await server.StartClientAsync([], SandboxOptions.ReadOnlyToken);

        var output = await server.CallAsync("update_project", new { organizationSlug = "acme", projectSlug = "mobile-app", name = "Renamed" }, client);

        Assert.True(output.IsError);
        Assert.Contains("HTTP 403", output.Text);
        Assert.Contains("project:write", output.Text);
    }

    [Fact]
    public async Task A_project_pinned_session_cannot_change_the_slug()
    {
        await using var client = await server.StartClientAsync(["--organization-slug=acme", "--project-slug=mobile-app"], SandboxOptions.DefaultToken);

        var output = await server.CallAsync("update_project", new { slug = "mobile" }, client);

        Assert.True(output.IsError);
        Assert.Contains("pinned to one project", output.Text);
    }

    private async Task CreateProjectAsync(string name)
    {
        var created = await server.CallAsync("create_project", new { organizationSlug = "acme", teamSlug = "backend", name });
        Assert.False(created.IsError, created.Text);
    }
}
