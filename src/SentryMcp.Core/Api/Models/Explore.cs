using System.Text.Json;

namespace SentryMcp.Core.Api.Models;

/// <summary>The events endpoint's table: rows of field → value and the fields' types and units.</summary>
public sealed record EventsResponse(List<Dictionary<string, JsonElement>>? Data, EventsMeta? Meta);

public sealed record EventsMeta(Dictionary<string, string?>? Fields, Dictionary<string, string?>? Units);

/// <summary>An error-event tag key (<c>/organizations/{org}/tags/</c>).</summary>
public sealed record SentryTagKey(string Key, string? Name, long? TotalValues);

/// <summary>A span or log attribute (<c>/organizations/{org}/trace-items/attributes/</c>).</summary>
public sealed record TraceItemAttribute(string Key, string? Name);

/// <summary>What to ask the events endpoint for.</summary>
public sealed record EventsQuery(
    string Dataset,
    string Query,
    IReadOnlyList<string> Fields,
    string? Sort,
    int Limit,
    string? StatsPeriod,
    string? ProjectId = null);
