using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class AddTeamToProjectToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task A_granted_team_is_listed_with_the_project_and_the_project_with_the_team()
    {
        var output = await server.CallAsync("add_team_to_project", new { organizationSlug = "acme", projectSlug = "api-backend", teamSlug = "frontend" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Teams of **acme/api-backend**", output.Text);
        Assert.Contains("Team frontend now has access to api-backend.", output.Text);
        Assert.Contains("- `backend` (Backend)", output.Text);
        Assert.Contains("- `frontend` (Frontend)", output.Text);
        Assert.Contains("remove_team_from_project(organizationSlug='acme', projectSlug='api-backend', teamSlug='frontend')", output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.True(data.GetProperty("changed").GetBoolean());
        Assert.Equal(["backend", "frontend"], data.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("slug").GetString()));

        var projects = await server.CallAsync("find_projects", new { organizationSlug = "acme", query = "api-backend" });
        Assert.Contains("**Teams**: `backend`, `frontend`", projects.Text);
        var teams = await server.CallAsync("find_teams", new { organizationSlug = "acme", query = "frontend" });
        Assert.Contains("**Projects**: `web-frontend`, `api-backend`", teams.Text);
    }

    [Fact]
    public async Task A_team_that_already_has_access_changes_nothing()
    {
        var output = await server.CallAsync("add_team_to_project", new { organizationSlug = "acme", projectSlug = "mobile-app", teamSlug = "mobile" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("Team mobile already has access to mobile-app; nothing was changed.", output.Text);
        Assert.False(output.Raw.StructuredContent!.Value.GetProperty("changed").GetBoolean());
        Assert.DoesNotContain(await server.RequestsAsync(), r => r.Method == "POST" && r.Path == "/api/0/projects/acme/mobile-app/teams/mobile/");
    }

    [Fact]
    public async Task An_unknown_team_is_an_input_error_pointing_to_find_teams()
    {
        var output = await server.CallAsync("add_team_to_project", new { organizationSlug = "acme", projectSlug = "web-frontend", teamSlug = "no-such-team" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("Team 'no-such-team' was not found in 'acme'", output.Text);
        Assert.Contains("find_teams(organizationSlug='acme')", output.Text);
    }

    [Fact]
    public async Task A_team_of_another_organization_is_not_found()
    {
        var output = await server.CallAsync("add_team_to_project", new { organizationSlug = "acme", projectSlug = "web-frontend", teamSlug = "research" });

        Assert.True(output.IsError);
        Assert.Contains("Team 'research' was not found in 'acme'", output.Text);
    }

    [Fact]
    public async Task An_unknown_project_is_an_input_error_pointing_to_find_projects()
    {
        var output = await server.CallAsync("add_team_to_project", new { organizationSlug = "acme", projectSlug = "no-such-project", teamSlug = "backend" });

        Assert.True(output.IsError);
        Assert.Contains("Project 'no-such-project' was not found in 'acme'", output.Text);
        Assert.Contains("find_projects(organizationSlug='acme')", output.Text);
    }

    [Fact]
    public async Task A_missing_team_slug_is_an_input_error()
    {
        var output = await server.CallAsync("add_team_to_project", new { organizationSlug = "acme", projectSlug = "web-frontend", teamSlug = " " });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("teamSlug", output.Text);
    }

    [Fact]
    public async Task A_read_only_token_is_refused_and_the_needed_scope_is_named()
    {
        await using var client = await server.StartClientAsync(["--all-tools"], SandboxOptions.ReadOnlyToken);

        var output = await server.CallAsync("add_team_to_project", new { organizationSlug = "acme", projectSlug = "payments-service", teamSlug = "mobile" }, client);

        Assert.True(output.IsError);
        Assert.Contains("HTTP 403", output.Text);
        Assert.Contains("project:write", output.Text);
    }
}
