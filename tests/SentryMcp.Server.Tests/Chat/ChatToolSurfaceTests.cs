using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SentryMcp.Core.Tools;

namespace SentryMcp.Server.Tests.Chat;

/// <summary>
/// The chat approves writes by each tool's own annotations, so it must see every tool directly:
/// through the gateway (<c>execute_sentry_tool</c>) a model could reach a write tool unapproved.
/// </summary>
public sealed class ChatToolSurfaceTests(ChatFixture fixture) : SignedInChatTest<ChatFixture>(fixture), IClassFixture<ChatFixture>
{
    [Fact]
    public async Task The_chat_lists_every_tool_its_grant_allows_and_never_the_gateway()
    {
        var json = await Browser.Http.GetFromJsonAsync<JsonElement>("api/metadata");
        var listed = json.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToHashSet();

        // The chat signs in with read access and issue triage (ChatBrowser's default consent).
        var catalog = Server.App.Services.GetRequiredService<SentryToolCatalog>();
        var granted = catalog.Available(new ToolSelection(SessionConstraints.None, new HashSet<PermissionGroup> { PermissionGroup.Read, PermissionGroup.IssueTriage }))
            .Select(t => t.Descriptor.Name).ToHashSet();
        Assert.Equal(granted, listed);
        Assert.DoesNotContain(listed, ToolSurfaces.Gateway.Contains);
        Assert.Contains("update_issue", listed);
    }
}
