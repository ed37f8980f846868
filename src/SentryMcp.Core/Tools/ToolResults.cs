using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace SentryMcp.Core.Tools;

/// <summary>
/// A tool answer as two views of the same data: markdown for the model (<c>content</c>) and typed
/// data for clients and our web UI (<c>structuredContent</c>), which validates against the tool's
/// <c>outputSchema</c> (declared with <c>UseStructuredContent = true, OutputSchemaType = typeof(T)</c>).
/// </summary>
public static class ToolResults
{
    public static CallToolResult Structured<T>(string markdown, T data) => new()
    {
        Content = [new TextContentBlock { Text = markdown }],
        StructuredContent = JsonSerializer.SerializeToElement(data, Options),
    };

    /// <summary>
    /// The SDK's options (the output schema is generated with them) except that nulls are written:
    /// the generated schema lists nullable properties as required, with <c>null</c> as a value.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new(McpJsonUtilities.DefaultOptions)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    /// <summary>A text-only answer from a tool that declares an output schema but has no data to give.</summary>
    public static CallToolResult Text(string markdown) => new() { Content = [new TextContentBlock { Text = markdown }] };
}
