namespace SentryMcp.Core.Tests.Tools;

public sealed class FindOrganizationsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Lists_every_organization_with_its_web_and_region_url()
    {
        var output = await server.CallAsync("find_organizations");

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Organizations", output.Text);
        Assert.Contains("## acme\n", output.Text);
        Assert.Contains("## acme-labs\n", output.Text);
        Assert.Contains($"{server.SandboxUri}organizations/acme/", output.Text);
        Assert.Contains("# Using this information", output.Text);
    }

    [Fact]
    public async Task A_query_that_matches_nothing_says_so()
    {
        var output = await server.CallAsync("find_organizations", new { query = "no-such-org" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No organizations found matching `no-such-org`", output.Text);
    }
}
