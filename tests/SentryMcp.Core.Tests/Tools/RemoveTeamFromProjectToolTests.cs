using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class RemoveTeamFromProjectToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task A_removed_team_disappears_from_the_project_and_the_project_from_the_team()
    {
        var added = await server.CallAsync("add_team_to_project", new { organizationSlug = "acme", projectSlug = "web-frontend", teamSlug = "mobile" });
        Assert.False(added.IsError, added.Text);

        var output = await server.CallAsync("remove_team_from_project", new { organizationSlug = "acme", projectSlug = "web-frontend", teamSlug = "frontend" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("Team frontend no longer has access to web-frontend.", output.Text);
        Assert.Contains("- `mobile` (Mobile)", output.Text);
        Assert.DoesNotContain("- `frontend`", output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.True(data.GetProperty("changed").GetBoolean());
        Assert.Equal(["mobile"], data.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("slug").GetString()));
        Assert.Contains(await server.RequestsAsync(), r => r.Method == "DELETE" && r.Path == "/api/0/projects/acme/web-frontend/teams/frontend/");

        var projects = await server.CallAsync("find_projects", new { organizationSlug = "acme", query = "web-frontend" });
        Assert.Contains("**Teams**: `mobile`", projects.Text);
        var teams = await server.CallAsync("find_teams", new { organizationSlug = "acme", query = "frontend" });
        Assert.DoesNotContain("web-frontend", teams.Text);
    }

    [Fact]
    public async Task The_last_team_of_a_project_is_not_removed()
    {
        var output = await server.CallAsync("remove_team_from_project", new { organizationSlug = "acme", projectSlug = "payments-service", teamSlug = "backend" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("Team 'backend' is the only team of 'payments-service'", output.Text);
        Assert.Contains("add_team_to_project", output.Text);
        Assert.DoesNotContain(await server.RequestsAsync(), r => r.Method == "DELETE" && r.Path.StartsWith("/api/0/projects/acme/payments-service/teams/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_team_without_access_is_an_input_error_naming_the_projects_teams()
    {
        var output = await server.CallAsync("remove_team_from_project", new { organizationSlug = "acme", projectSlug = "mobile-app", teamSlug = "backend" });

        Assert.True(output.IsError);
        Assert.Contains("Team 'backend' has no access to 'mobile-app'", output.Text);
        Assert.Contains("Its teams are: `mobile`", output.Text);
    }

    [Fact]
    public async Task An_unknown_team_is_an_input_error()
    {
        var output = await server.CallAsync("remove_team_from_project", new { organizationSlug = "acme", projectSlug = "api-backend", teamSlug = "no-such-team" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("Team 'no-such-team' has no access to 'api-backend'", output.Text);
    }

    [Fact]
    public async Task An_unknown_project_is_an_input_error()
    {
        var output = await server.CallAsync("remove_team_from_project", new { organizationSlug = "acme-labs", projectSlug = "api-backend", teamSlug = "backend" });

        Assert.True(output.IsError);
        Assert.Contains("Project 'api-backend' was not found in 'acme-labs'", output.Text);
    }

    [Fact]
    public async Task A_removal_the_user_declines_is_not_made()
    {
        await server.CallAsync("add_team_to_project", new { organizationSlug = "acme", projectSlug = "mobile-app", teamSlug = "frontend" });
        string? asked = null;
        await using var client = await server.StartClientAsync(["--all-tools"], SandboxOptions.DefaultToken, clientOptions: new McpClientOptions
        {
            ProtocolVersion = "2025-11-25",
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (request, _) =>
                {
                    asked = request!.Message;
                    return ValueTask.FromResult(new ElicitResult { Action = "decline" });
                },
            },
        });

        var output = await server.CallAsync("remove_team_from_project", new { organizationSlug = "acme", projectSlug = "mobile-app", teamSlug = "mobile" }, client);

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("**Not done**: the user declined", output.Text);
        Assert.Equal("Remove team mobile from project mobile-app in acme? Its members lose access to the project.", asked);
        Assert.False(output.Raw.StructuredContent!.Value.GetProperty("changed").GetBoolean());
        Assert.DoesNotContain(await server.RequestsAsync(), r => r.Method == "DELETE" && r.Path == "/api/0/projects/acme/mobile-app/teams/mobile/");
    }
}
