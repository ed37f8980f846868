using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>A team as tools return it in <c>structuredContent</c>.</summary>
public sealed record TeamOutput(
    string Id,
    [property: Description("Pass it as teamSlug to create_project.")] string Slug,
    string? Name,
    int? MemberCount,
    IReadOnlyList<string> Projects);

/// <summary>A page of teams.</summary>
public sealed record TeamListOutput(
    IReadOnlyList<TeamOutput> Teams,
    bool HasMore,
    [property: Description("Pass it as cursor to get the next page; null on the last page.")] string? NextCursor);

/// <summary>create_team: the new team.</summary>
public sealed record CreateTeamOutput(TeamOutput Team);
