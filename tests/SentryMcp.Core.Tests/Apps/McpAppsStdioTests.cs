using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Core.Apps;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Apps;

/// <summary>The stdio server serves the same MCP Apps resources as /mcp (the browser tests are in SentryMcp.E2E).</summary>
public sealed class McpAppsStdioTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task A_stdio_host_that_declares_the_extension_gets_the_ui_resources_and_tool_links()
    {
        var options = new McpClientOptions
        {
            Capabilities = new ClientCapabilities
            {
                Extensions = new Dictionary<string, object> { [McpApps.ExtensionId] = new JsonObject { ["mimeTypes"] = new JsonArray(McpApps.MimeType) } },
            },
        };
        await using var client = await server.StartClientAsync(["--all-tools"], SandboxOptions.DefaultToken, clientOptions: options);

        var resources = await client.ListResourcesAsync();
        var tool = (await client.ListToolsAsync()).Single(t => t.Name == "get_event_stacktrace");
        var read = await client.ReadResourceAsync("ui://sentry/stacktrace");

        Assert.Equal(McpAppViews.All.Select(v => v.Uri).Order(), resources.Where(r => r.Uri.StartsWith("ui://", StringComparison.Ordinal)).Select(r => r.Uri).Order());
        Assert.Equal("ui://sentry/stacktrace", tool.ProtocolTool.Meta?["ui"]?["resourceUri"]?.GetValue<string>());
        var content = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
        Assert.Equal(McpApps.MimeType, content.MimeType);
        Assert.Contains("content=\"get_event_stacktrace\"", content.Text);
    }

    [Fact]
    public async Task A_stdio_host_without_the_extension_sees_no_change()
    {
        var resources = await server.Client.ListResourcesAsync();
        var tools = await server.Client.ListToolsAsync();

        Assert.DoesNotContain(resources, r => r.Uri.StartsWith("ui://", StringComparison.Ordinal));
        Assert.All(tools, t => Assert.Null(t.ProtocolTool.Meta?["ui"]));
    }
}
