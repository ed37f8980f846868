using System.ComponentModel;
using System.Text.Json;

namespace SentryMcp.Core.Tools.Output;

/// <summary>The rows of an events search (or the replays of a replay search), as Sentry returned them.</summary>
public sealed record EventSearchOutput(
    [property: Description("errors, spans, logs, metrics, profiles or replays.")] string Dataset,
    [property: Description("The Sentry search query that ran.")] string Query,
    [property: Description("The query came from natural language through the language model.")] bool Translated,
    IReadOnlyList<string> Fields,
    string? Sort,
    string Period,
    [property: Description("One object per row: field → value.")] IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Rows,
    [property: Description("The limit was reached: more rows may match.")] bool HasMore,
    [property: Description("Why the text was used as Sentry syntax when it was not translated, if it matters.")] string? Note);
