using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class CreateTeamToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task A_created_team_is_returned_with_its_slug_and_shows_up_in_find_teams()
    {
        var output = await server.CallAsync("create_team", new { organizationSlug = "acme", name = "Data Science" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# New Team in **acme**", output.Text);
        Assert.Contains("**Slug**: data-science", output.Text);
        Assert.Contains("**Name**: Data Science", output.Text);
        Assert.Contains("create_project(organizationSlug='acme', teamSlug='data-science'", output.Text);

        var teams = await server.CallAsync("find_teams", new { organizationSlug = "acme", query = "data" });
        Assert.Contains("## data-science\n", teams.Text);
    }

    [Fact]
    public async Task A_duplicate_team_shows_sentrys_conflict_detail()
    {
        var output = await server.CallAsync("create_team", new { organizationSlug = "acme", name = "Backend" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 409", output.Text);
        Assert.Contains("A team with this slug already exists.", output.Text);
    }

    [Fact]
    public async Task A_name_longer_than_64_characters_is_an_input_error()
    {
        var output = await server.CallAsync("create_team", new { organizationSlug = "acme", name = new string('x', 65) });

        Assert.True(output.IsError);
        Assert.Contains("Input Error", output.Text);
        Assert.Contains("at most 64", output.Text);
    }

    [Fact]
    public async Task A_missing_name_is_an_input_error()
    {
        var output = await server.CallAsync("create_team", new { organizationSlug = "acme" });

        Assert.True(output.IsError);
        Assert.Contains("Input Error", output.Text);
        Assert.Contains("name", output.Text);
    }

    [Fact]
    public async Task A_blank_name_is_an_input_error_naming_the_parameter()
    {
        var output = await server.CallAsync("create_team", new { organizationSlug = "acme", name = "   " });

        Assert.True(output.IsError);
        Assert.Contains("The 'name' parameter is required", output.Text);
    }

    [Fact]
    public async Task An_unknown_organization_is_a_helpful_error()
    {
        var output = await server.CallAsync("create_team", new { organizationSlug = "no-such-org", name = "Ops" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
    }

    [Fact]
    public async Task A_read_only_token_is_refused_and_the_needed_scope_is_named()
    {
        await using var client = await server.StartClientAsync([], SandboxOptions.ReadOnlyToken);

        var output = await server.CallAsync("create_team", new { organizationSlug = "acme", name = "Read Only Team" }, client);

        Assert.True(output.IsError);
        Assert.Contains("HTTP 403", output.Text);
        Assert.Contains("team:write", output.Text);
    }
}
