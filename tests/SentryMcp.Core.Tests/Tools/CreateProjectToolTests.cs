using System.Text.RegularExpressions;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed partial class CreateProjectToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task A_created_project_comes_with_its_dsn_and_is_listed_afterwards()
    {
        var output = await server.CallAsync("create_project", new { organizationSlug = "acme", teamSlug = "backend", name = "Checkout API", platform = "Python" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# New Project in **acme**", output.Text);
        Assert.Contains("**Slug**: checkout-api", output.Text);
        Assert.Contains("**Platform**: python", output.Text);
        Assert.Contains("**Team**: backend", output.Text);
        var dsn = DsnLine().Match(output.Text);
        Assert.True(dsn.Success, output.Text);
        Assert.Contains($"@{server.SandboxUri.Authority}/", dsn.Groups[1].Value);

        var projects = await server.CallAsync("find_projects", new { organizationSlug = "acme", query = "checkout" });
        Assert.Contains("## checkout-api\n", projects.Text);
        var dsns = await server.CallAsync("find_dsns", new { organizationSlug = "acme", projectSlug = "checkout-api" });
        Assert.Contains("## Default\n", dsns.Text);
        Assert.Contains(dsn.Groups[1].Value, dsns.Text);
    }

    [Fact]
    public async Task An_explicit_slug_is_used()
    {
        var output = await server.CallAsync("create_project", new { organizationSlug = "acme", teamSlug = "mobile", name = "Watch App", slug = "wearables" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Slug**: wearables", output.Text);
        Assert.Contains("**Name**: Watch App", output.Text);
    }

    [Fact]
    public async Task A_taken_slug_shows_sentrys_conflict_detail()
    {
        var output = await server.CallAsync("create_project", new { organizationSlug = "acme", teamSlug = "frontend", name = "Web Frontend" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 409", output.Text);
        Assert.Contains("A project with this slug already exists.", output.Text);
    }

    [Fact]
    public async Task An_unknown_team_is_a_helpful_error()
    {
        var output = await server.CallAsync("create_project", new { organizationSlug = "acme", teamSlug = "no-such-team", name = "Orphan" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
    }

    [Fact]
    public async Task An_invalid_slug_is_an_input_error_explaining_the_rules()
    {
        var output = await server.CallAsync("create_project", new { organizationSlug = "acme", teamSlug = "backend", name = "Bad", slug = "Not A Slug" });

        Assert.True(output.IsError);
        Assert.Contains("Input Error", output.Text);
        Assert.Contains("lowercase letters, numbers, hyphens or underscores", output.Text);
    }

    [Fact]
    public async Task A_missing_team_slug_is_an_input_error()
    {
        var output = await server.CallAsync("create_project", new { organizationSlug = "acme", name = "No Team" });

        Assert.True(output.IsError);
        Assert.Contains("Input Error", output.Text);
        Assert.Contains("teamSlug", output.Text);
    }

    [Fact]
    public async Task A_read_only_token_is_refused_and_the_needed_scope_is_named()
    {
        await using var client = await server.StartClientAsync([], SandboxOptions.ReadOnlyToken);

        var output = await server.CallAsync("create_project", new { organizationSlug = "acme", teamSlug = "backend", name = "Not Allowed" }, client);

        Assert.True(output.IsError);
        Assert.Contains("HTTP 403", output.Text);
        Assert.Contains("project:write", output.Text);
    }

    [Fact]
    public async Task A_connected_repository_is_linked_with_a_root_code_mapping()
    {
        var output = await server.CallAsync("create_project", new { organizationSlug = "acme", teamSlug = "frontend", name = "Storefront", platform = "javascript-react", repository = "acme/web-shop" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Slug**: storefront", output.Text);
        Assert.Contains("**Repository**: acme/web-shop (linked: stack traces map to the repository root)", output.Text);
        Assert.Matches(DsnLine(), output.Text);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/0/organizations/acme/code-mappings/");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SandboxOptions.DefaultToken);
        using var response = await server.Sandbox.SendAsync(request);
        var mappings = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"projectSlug\":\"storefront\"", mappings);
        Assert.Contains("\"repoName\":\"acme/web-shop\"", mappings);
    }

    [Fact]
    public async Task A_bare_repository_name_matches_the_one_repository_ending_with_it()
    {
        var output = await server.CallAsync("create_project", new { organizationSlug = "acme", teamSlug = "backend", name = "Payments Worker", repository = "payments" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Repository**: acme/payments (linked", output.Text);
    }

    [Theory]
    [InlineData("api", "matches several repositories (acme-legacy/api, acme/api)")]
    [InlineData("acme/unknown", "No repository named 'acme/unknown' is connected to 'acme'")]
    public async Task An_unknown_or_ambiguous_repository_is_an_input_error_and_no_project_is_created(string repository, string message)
    {
        var name = "Repo Check " + repository.Replace("/", " ", StringComparison.Ordinal);

        var output = await server.CallAsync("create_project", new { organizationSlug = "acme", teamSlug = "backend", name, repository });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains(message, output.Text);
        var projects = await server.CallAsync("find_projects", new { organizationSlug = "acme", query = "repo-check" });
        Assert.Contains("No projects found", projects.Text);
    }

    [Fact]
    public async Task A_failed_link_keeps_the_project_and_its_dsn_and_says_what_is_missing()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, "/api/0/organizations/acme/code-mappings/bulk/", Status: 403));

        var output = await server.CallAsync("create_project", new { organizationSlug = "acme", teamSlug = "mobile", name = "Tablet App", repository = "acme/api" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Slug**: tablet-app", output.Text);
        Assert.Matches(DsnLine(), output.Text);
        Assert.Contains("**Repository**: found acme/api, but linking it failed", output.Text);
        Assert.Contains("only the repository link is missing", output.Text);
    }

    [GeneratedRegex(@"\*\*SENTRY_DSN\*\*: (http://[0-9a-f]{32}@\S+/\d+)\n")]
    private static partial Regex DsnLine();
}
