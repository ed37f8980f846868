using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using SentryMcp.Core.Api;

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
        StructuredContent = JsonSerializer.SerializeToElement(data, SentryJson.TypeInfo<T>(Options)),
    };

    /// <summary>
    /// What tools are created with (<c>McpServerToolCreateOptions.SerializerOptions</c>): the SDK's
    /// options, with this server's source-generated contracts (<see cref="SentryMcpJsonContext"/>)
    /// ahead of the SDK's own, so argument binding and the input and output schemas need no
    /// reflection-based serializer (Native AOT has none).
    /// </summary>
    public static JsonSerializerOptions ToolSerializerOptions { get; } = Freeze(new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
    {
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(SentryMcpJsonContext.Default, McpJsonUtilities.DefaultOptions.TypeInfoResolver),
    });

    /// <summary>
    /// <see cref="ToolSerializerOptions"/> (the output schema is generated with them) except that nulls
    /// are written: the generated schema lists nullable properties as required, with <c>null</c> as a value.
    /// </summary>
    private static readonly JsonSerializerOptions Options = Freeze(new JsonSerializerOptions(ToolSerializerOptions)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    });

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.MakeReadOnly();
        return options;
    }

    /// <summary>A text-only answer from a tool that declares an output schema but has no data to give.</summary>
    public static CallToolResult Text(string markdown) => new() { Content = [new TextContentBlock { Text = markdown }] };
}
