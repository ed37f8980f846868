namespace SentryMcp.Core.Tests.Tools;

public sealed class FindDsnsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Lists_each_key_with_its_public_dsn_on_the_sentry_host()
    {
        var output = await server.CallAsync("find_dsns", new { organizationSlug = "acme", projectSlug = "web-frontend" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# DSNs in **acme/web-frontend**", output.Text);
        Assert.Contains("## Default\n", output.Text);
        Assert.Contains("## Staging\n", output.Text);
        Assert.Matches($@"\*\*DSN\*\*: http://[0-9a-f]{{32}}@{System.Text.RegularExpressions.Regex.Escape(server.SandboxUri.Authority)}/\d+\n", output.Text);
        Assert.Contains("**Active**: yes", output.Text);
        Assert.Contains("csp-report", output.Text);
        Assert.Contains("SENTRY_DSN", output.Text);
    }

    [Fact]
    public async Task An_inactive_key_is_marked_as_such()
    {
        var output = await server.CallAsync("find_dsns", new { organizationSlug = "acme", projectSlug = "payments-service" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## Legacy checkout\n", output.Text);
        Assert.Contains("**Active**: no", output.Text);
    }

    [Fact]
    public async Task A_project_without_keys_says_so()
    {
        var output = await server.CallAsync("find_dsns", new { organizationSlug = "acme-labs", projectSlug = "prototype" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No DSNs found for `acme-labs/prototype`", output.Text);
        Assert.Contains("create_dsn", output.Text);
    }

    [Fact]
    public async Task An_unknown_project_is_a_helpful_error()
    {
        var output = await server.CallAsync("find_dsns", new { organizationSlug = "acme", projectSlug = "no-such-project" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
        Assert.Contains("find_projects", output.Text);
    }

    [Fact]
    public async Task A_missing_project_slug_is_an_input_error()
    {
        var output = await server.CallAsync("find_dsns", new { organizationSlug = "acme" });

        Assert.True(output.IsError);
        Assert.Contains("Input Error", output.Text);
        Assert.Contains("projectSlug", output.Text);
    }
}
