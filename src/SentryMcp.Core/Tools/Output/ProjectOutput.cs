using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>A project as tools return it in <c>structuredContent</c>.</summary>
public sealed record ProjectOutput(
    string Id,
    [property: Description("Pass it as projectSlug (or projectSlugOrId) to other tools.")] string Slug,
    string? Name,
    string? Platform,
    IReadOnlyList<string> Teams,
    string Url);

/// <summary>A page of projects.</summary>
public sealed record ProjectListOutput(
    IReadOnlyList<ProjectOutput> Projects,
    bool HasMore,
    [property: Description("Pass it as cursor to get the next page; null on the last page.")] string? NextCursor);

/// <summary>update_project: the project after the change, or null when the user declined it.</summary>
public sealed record UpdateProjectOutput(bool Updated, ProjectOutput? Project);
