using System.Text.Json;
using System.Text.Json.Serialization;

namespace SentryMcp.Core.Api.Models;

/// <summary>Who did something on an issue; null on an activity means Sentry itself did it.</summary>
public sealed record ActivityUser(string? Id, string? Name, string? Email, string? Username);

/// <summary>
/// One entry of an issue's activity feed (<c>note</c>, <c>set_resolved</c>, <c>assigned</c>…). <c>data</c>
/// differs per type (text of a note, assignee, ignore rule), so it stays JSON.
/// </summary>
public sealed record IssueActivity(string? Id, string? Type, ActivityUser? User, JsonElement Data, string? DateCreated);

/// <summary>The answer of <c>/organizations/{org}/issues/{id}/activities/</c>.</summary>
public sealed record IssueActivityList(IReadOnlyList<IssueActivity>? Activity);

/// <summary>A user report (crash-report or legacy feedback) attached to an issue's event.</summary>
public sealed record UserReport(
    string? Id,
    [property: JsonPropertyName("eventID")] string? EventId,
    string? Name,
    string? Email,
    string? Comments,
    string? DateCreated,
    ActivityUser? User);

/// <summary>One value of a tag within an issue, with how often and when it was seen.</summary>
public sealed record IssueTagValueCount(string? Value, string? Name, long? Count, string? FirstSeen, string? LastSeen);

/// <summary>The answer of <c>/organizations/{org}/issues/{id}/tags/{key}/</c>: the tag's most common values.</summary>
public sealed record IssueTagDistribution(string? Key, string? Name, long? TotalValues, IReadOnlyList<IssueTagValueCount>? TopValues);
