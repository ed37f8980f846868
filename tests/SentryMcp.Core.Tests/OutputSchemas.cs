using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace SentryMcp.Core.Tests;

/// <summary>
/// Validates a tool answer's <c>structuredContent</c> against the <c>outputSchema</c> the server
/// lists for that tool, with a JSON Schema validator (not our own reading of the schema).
/// </summary>
public static class OutputSchemas
{
    private static readonly ConcurrentDictionary<McpClient, Task<IReadOnlyDictionary<string, Tool>>> Listed = new();

    public static async Task AssertConformsAsync(McpClient client, string toolName, CallToolResult result)
    {
        var tools = await Listed.GetOrAdd(client, async c =>
            (IReadOnlyDictionary<string, Tool>)(await c.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool, StringComparer.Ordinal));
        if (!tools.TryGetValue(toolName, out var tool))
        {
            return; // reached through the gateway, or unknown: the call's own result says so
        }
        if (tool.OutputSchema is not { } schema)
        {
            return;
        }
        if (result.IsError == true)
        {
            return;
        }
        Assert.True(result.StructuredContent is { ValueKind: JsonValueKind.Object },
            $"{toolName} declares an outputSchema but answered without structuredContent.");
        AssertValid(schema, result.StructuredContent!.Value, toolName);
    }

    public static void AssertValid(JsonElement schema, JsonElement instance, string what)
    {
        var parsed = JsonSchema.FromText(schema.GetRawText());
        var evaluation = parsed.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!evaluation.IsValid)
        {
            var errors = string.Join("\n", (evaluation.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
                .Take(20));
            Assert.Fail($"structuredContent of {what} does not match its outputSchema:\n{errors}\n{Truncate(instance.GetRawText())}");
        }
    }

    private static string Truncate(string text) => text.Length > 2000 ? text[..2000] + "…" : text;
}
