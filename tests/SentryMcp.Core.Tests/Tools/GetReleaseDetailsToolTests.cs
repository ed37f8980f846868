using System.Text.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetReleaseDetailsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task A_release_shows_its_dates_projects_deploys_and_commits()
    {
        var output = await server.CallAsync("get_release_details", new { organizationSlug = "acme", releaseVersion = "api-backend@1.18.0" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Release api-backend@1.18.0 in **acme**", output.Text);
        Assert.Contains("**Short Version**: 1.18.0", output.Text);
        Assert.Contains("**Projects**: `api-backend`", output.Text);
        Assert.Contains("**New Issues**: 2", output.Text);
        Assert.Contains("## Deploys", output.Text);
        Assert.Contains("- **production**: started", output.Text);
        Assert.Contains("`5a6b7c8d9e0f` Load user profiles lazily by Sam Lee (acme/platform)", output.Text);
        Assert.Contains("*Showing 10 of 18 commits; raise limit (up to 50) to see more.*", output.Text);
        Assert.Contains($"{server.SandboxUri}organizations/acme/releases/api-backend%401.18.0/", output.Text);
        Assert.DoesNotContain("## Health", output.Text);
    }

    [Fact]
    public async Task Structured_data_lists_every_deploy_and_the_commits_up_to_the_limit()
    {
        var output = await server.CallAsync("get_release_details", new { organizationSlug = "acme", releaseVersion = "web-frontend@2.4.0", limit = 5 });

        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal("web-frontend@2.4.0", data.GetProperty("release").GetProperty("version").GetString());
        Assert.Equal(3, data.GetProperty("deploys").GetArrayLength());
        Assert.Equal(5, data.GetProperty("commits").GetArrayLength());
        Assert.Equal("Upgrade React Router", data.GetProperty("commits")[0].GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("health").ValueKind);
    }

    [Fact]
    public async Task Health_for_a_project_gives_crash_free_rates_adoption_and_neighbouring_releases()
    {
        var output = await server.CallAsync("get_release_details", new { organizationSlug = "acme", releaseVersion = "api-backend@1.18.0", projectSlugOrId = "api-backend", includeHealth = true });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## Health in api-backend", output.Text);
        Assert.Contains("**Crash-Free Sessions**: 97.41%", output.Text);
        Assert.Contains("**Crash-Free Users**: 98.9%", output.Text);
        Assert.Contains("**Sessions**: 18,230", output.Text);
        Assert.Contains("**Adoption Stage**: adopted", output.Text);
        Assert.Contains("**Previous Release**: 2ce6a27d9f1e4b3c8a7f6e5d4c3b2a1908f7e6d5", output.Text);
        var health = output.Raw.StructuredContent!.Value.GetProperty("health");
        Assert.Equal(64.5, health.GetProperty("adoption").GetDouble());
        Assert.Equal("2ce6a27d9f1e4b3c8a7f6e5d4c3b2a1908f7e6d5", health.GetProperty("previousRelease").GetString());
    }

    [Fact]
    public async Task The_include_flags_leave_out_deploys_and_commits_and_skip_their_requests()
    {
        var output = await server.CallAsync("get_release_details", new { organizationSlug = "acme", releaseVersion = "payments-service@3.2.0", includeDeploys = false, includeCommits = false });

        Assert.False(output.IsError, output.Text);
        Assert.DoesNotContain("## Deploys", output.Text);
        Assert.DoesNotContain("## Commits", output.Text);
        var requests = await server.RequestsAsync();
        Assert.DoesNotContain(requests, r => r.Path.Contains("payments-service@3.2.0/deploys", StringComparison.Ordinal) || r.Path.Contains("payments-service%403.2.0/deploys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreleased_release_without_deploys_says_so()
    {
        var output = await server.CallAsync("get_release_details", new { organizationSlug = "acme", releaseVersion = "mobile-app@5.1.0-beta.1" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Released**: not released yet", output.Text);
        Assert.Contains("No deploys recorded for this release.", output.Text);
    }

    [Fact]
    public async Task Health_without_a_project_is_an_input_error_that_says_to_pass_one()
    {
        var output = await server.CallAsync("get_release_details", new { organizationSlug = "acme", releaseVersion = "api-backend@1.18.0", includeHealth = true });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("projectSlugOrId", output.Text);
    }

    [Theory]
    [InlineData("acme", "api-backend@9.9.9", null)]
    [InlineData("acme-labs", "api-backend@1.18.0", null)]
    [InlineData("acme", "api-backend@1.18.0", "web-frontend")]
    public async Task An_unknown_release_or_one_outside_the_project_is_not_found(string org, string version, string? project)
    {
        var output = await server.CallAsync("get_release_details", new { organizationSlug = org, releaseVersion = version, projectSlugOrId = project });

        Assert.True(output.IsError);
        Assert.Contains($"No release '{version}' was found", output.Text);
        Assert.Contains("find_releases", output.Text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public async Task A_limit_out_of_range_is_an_input_error(int limit)
    {
        var output = await server.CallAsync("get_release_details", new { organizationSlug = "acme", releaseVersion = "api-backend@1.18.0", limit });

        Assert.True(output.IsError);
        Assert.Contains("limit must be between 1 and 50", output.Text);
    }

    [Fact]
    public async Task A_sentry_outage_is_an_error_not_a_crash()
    {
        // Only this test asks for the project-scoped release of payments-service; retries hit the fault too.
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, PathPrefix: "/api/0/projects/acme/payments-service/releases/", Count: -1, Status: 503));

        var output = await server.CallAsync("get_release_details", new { organizationSlug = "acme", releaseVersion = "payments-service@3.2.0", projectSlugOrId = "payments-service" });

        Assert.True(output.IsError);
        Assert.Contains("503", output.Text);
    }
}
