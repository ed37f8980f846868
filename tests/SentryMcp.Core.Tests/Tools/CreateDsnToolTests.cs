using System.Text.RegularExpressions;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed partial class CreateDsnToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task A_created_dsn_is_returned_and_listed_by_find_dsns()
    {
        var output = await server.CallAsync("create_dsn", new { organizationSlug = "acme", projectSlug = "api-backend", name = "Production" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# New DSN in **acme/api-backend**", output.Text);
        Assert.Contains("**Name**: Production", output.Text);
        var dsn = DsnLine().Match(output.Text);
        Assert.True(dsn.Success, output.Text);

        var dsns = await server.CallAsync("find_dsns", new { organizationSlug = "acme", projectSlug = "api-backend" });
        Assert.Contains("## Production\n", dsns.Text);
        Assert.Contains("## Default\n", dsns.Text);
        Assert.Contains(dsn.Groups[1].Value, dsns.Text);
    }

    [Fact]
    public async Task An_unknown_project_is_a_helpful_error()
    {
        var output = await server.CallAsync("create_dsn", new { organizationSlug = "acme", projectSlug = "no-such-project", name = "Production" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
        Assert.Contains("find_projects", output.Text);
    }

    [Fact]
    public async Task A_name_longer_than_64_characters_is_an_input_error()
    {
        var output = await server.CallAsync("create_dsn", new { organizationSlug = "acme", projectSlug = "api-backend", name = new string('k', 80) });

        Assert.True(output.IsError);
        Assert.Contains("80 characters long", output.Text);
        Assert.Contains("at most 64", output.Text);
    }

    [Fact]
    public async Task A_missing_name_is_an_input_error()
    {
        var output = await server.CallAsync("create_dsn", new { organizationSlug = "acme", projectSlug = "api-backend" });

        Assert.True(output.IsError);
        Assert.Contains("Input Error", output.Text);
        Assert.Contains("name", output.Text);
    }

    [Fact]
    public async Task A_read_only_token_is_refused_and_the_needed_scope_is_named()
    {
        await using var client = await server.StartClientAsync([], SandboxOptions.ReadOnlyToken);

        var output = await server.CallAsync("create_dsn", new { organizationSlug = "acme", projectSlug = "api-backend", name = "Nope" }, client);

        Assert.True(output.IsError);
        Assert.Contains("HTTP 403", output.Text);
        Assert.Contains("project:write", output.Text);
    }

    [GeneratedRegex(@"\*\*DSN\*\*: (http://[0-9a-f]{32}@\S+/\d+)\n")]
    private static partial Regex DsnLine();
}
