using System.Runtime.CompilerServices;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>
/// The first calls of a fresh stdio server and sandbox pay for JIT compilation in both processes;
/// on a heavily loaded machine they can outlast the fixture's 10 s total Sentry timeout and answer
/// "Sentry Unavailable". The AI conversation and snapshot tests therefore wait, once per fixture,
/// until each of these tools has answered once (any answer but that one), before asserting anything.
/// </summary>
internal static class WarmSandbox
{
    private static readonly ConditionalWeakTable<McpServerFixture, Task> Warmed = new();

    public static Task EnsureAsync(McpServerFixture server)
    {
        lock (Warmed)
        {
            return Warmed.GetValue(server, WarmAsync);
        }
    }

    private static async Task WarmAsync(McpServerFixture server)
    {
        var calls = new (string Tool, object Arguments)[]
        {
            ("search_ai_conversations", new { organizationSlug = "acme", limit = 1 }),
            ("get_ai_conversation_details", new { organizationSlug = "acme", conversationId = DemoIds.OrderStatusConversationId }),
            ("get_snapshot", new { organizationSlug = "acme", snapshotId = DemoIds.BaseSnapshotId }),
            ("get_snapshot_image", new { organizationSlug = "acme", snapshotId = DemoIds.SnapshotId, imageIdentifier = "checkout/cart_badge.png" }),
            ("get_latest_base_snapshot", new { organizationSlug = "acme", appId = DemoIds.SnapshotAppId }),
        };
        foreach (var (tool, arguments) in calls)
        {
            await Eventually.UntilAsync(async () => !(await server.CallAsync(tool, arguments)).Text.Contains("**Sentry Unavailable**", StringComparison.Ordinal),
                TimeSpan.FromSeconds(120));
        }
        // The warm-up's requests must not show up in what the tests read from the request log.
        (await server.Sandbox.DeleteAsync("/__sandbox/requests")).EnsureSuccessStatusCode();
    }
}
