namespace SentryMcp.Core.Tests.Tools;

public sealed class WhoamiToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Whoami_names_the_authenticated_user()
    {
        var output = await server.CallAsync("whoami");

        Assert.False(output.IsError, output.Text);
        Assert.Contains("Jane Doe", output.Text);
        Assert.Contains("jane@acme.example", output.Text);
    }

    [Fact]
    public async Task Whoami_with_an_unknown_token_says_the_token_is_invalid()
    {
        await using var client = await server.StartClientAsync([], "sntryu_not_a_real_token");

        var output = await server.CallAsync("whoami", client: client);

        Assert.True(output.IsError);
        Assert.Contains("HTTP 401", output.Text);
        Assert.Contains("invalid or expired", output.Text);
    }
}
