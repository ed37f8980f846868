using System.Text.Json;

namespace SentryMcp.Core.Formatting;

/// <summary>Defensive reads of Sentry's free-form JSON (event interfaces, contexts): a missing or odd field is simply absent.</summary>
internal static class JsonReading
{
    public static JsonElement Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static string? Str(this JsonElement element, string name) => element.Prop(name).Scalar();

    /// <summary>A string, number or boolean as text; null for anything else.</summary>
    public static string? Scalar(this JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => null,
    };

    public static IEnumerable<JsonElement> Items(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [];

    public static IEnumerable<JsonProperty> Properties(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : [];

    public static bool? Bool(this JsonElement element, string name) => element.Prop(name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>Any value as short text: scalars as they are, objects and arrays as compact JSON.</summary>
    public static string Text(this JsonElement element, int max = 200) =>
        Markdown.Truncate(element.Scalar() ?? (element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? "null" : element.GetRawText()), max);
}
