using System.Text.Json;

namespace SentryMcp.Core.Api.Models;

public sealed record ProjectRef(string? Id, string? Slug, string? Name, string? Platform);

/// <summary>An issue's assignee: <c>type</c> is <c>user</c> or <c>team</c>.</summary>
public sealed record Assignee(string? Type, string? Id, string? Name, string? Email)
{
    public override string ToString() => Type == "team"
        ? $"Team #{Name ?? Id} (team:{Id})"
        : $"{Name ?? Email ?? Id}{(Email is not null && Email != Name ? $" <{Email}>" : "")} (user:{Id})";
}

public sealed record IssueMetadata(string? Type, string? Value, string? Filename, string? Function, string? Title);

public sealed record TagValue(string? Value, string? Name, long? Count);

public sealed record IssueTag(string? Key, string? Name, long? TotalValues, IReadOnlyList<TagValue>? TopValues);

/// <summary>An issue (Sentry calls it a group). <c>count</c> arrives as a string; the lenient reader takes both.</summary>
public sealed record SentryIssue(
    string Id,
    string? ShortId,
    string? Title,
    string? Culprit,
    string? Permalink,
    string? Level,
    string? Status,
    string? Substatus,
    string? Platform,
    ProjectRef? Project,
    IssueMetadata? Metadata,
    Assignee? AssignedTo,
    string? IssueCategory,
    string? IssueType,
    string? Priority,
    bool? IsUnhandled,
    string? Count,
    long? UserCount,
    string? FirstSeen,
    string? LastSeen,
    JsonElement StatusDetails,
    IReadOnlyList<IssueTag>? Tags,
    JsonElement Stats = default)
{
    public string DisplayId => ShortId ?? Id;

    public bool ResolvedInNextRelease => Status == "resolved" && StatusDetails.ValueKind == JsonValueKind.Object
        && StatusDetails.TryGetProperty("inNextRelease", out var next) && next.ValueKind == JsonValueKind.True;
}

public sealed record EventTag(string? Key, string? Value);

public sealed record EventEntry(string? Type, JsonElement Data);

/// <summary>
/// An event with its interfaces (<c>eventID</c> and <c>groupID</c> bind case-insensitively). Entries, contexts and user stay as JSON: their shapes vary by
/// platform and SDK, and the formatter reads them defensively.
/// </summary>
public sealed record SentryEvent(
    string? Id,
    string? EventId,
    string? GroupId,
    string? Title,
    string? Message,
    string? Platform,
    string? Type,
    string? Culprit,
    string? DateCreated,
    JsonElement Release,
    IReadOnlyList<EventTag>? Tags,
    IReadOnlyList<EventEntry>? Entries,
    JsonElement Contexts,
    JsonElement User,
    JsonElement Occurrence);

/// <summary>The answer of <c>/organizations/{org}/eventids/{eventId}/</c>.</summary>
public sealed record EventIdLookup(string? OrganizationSlug, string? ProjectSlug, string? GroupId, string? EventId);

public sealed record EventAttachment(string Id, string? Name, string? Type, long? Size, string? Mimetype, string? DateCreated, string? Sha1);
