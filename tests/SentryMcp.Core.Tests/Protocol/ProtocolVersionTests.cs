using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Protocol;

public sealed class ProtocolVersionTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    public async Task The_stdio_server_negotiates_each_revision_a_client_asks_for(string version)
    {
        await using var client = await server.StartClientAsync([], SandboxOptions.DefaultToken, clientOptions: new McpClientOptions { ProtocolVersion = version });

        var tools = await client.ListToolsAsync();
        var whoami = await client.CallToolAsync("whoami");

        Assert.Equal(version, client.NegotiatedProtocolVersion);
        Assert.Contains(tools, t => t.Name == "find_organizations");
        Assert.Contains("Jane Doe", ((TextContentBlock)whoami.Content[0]).Text);
    }

    [Fact]
    public async Task A_client_without_a_preference_gets_the_newest_revision_the_sdk_supports()
    {
        Assert.Equal("2026-07-28", server.Client.NegotiatedProtocolVersion);
    }
}
