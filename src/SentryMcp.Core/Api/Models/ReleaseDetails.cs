using System.Text.Json;

namespace SentryMcp.Core.Api.Models;

/// <summary>A commit of a release (<c>…/releases/{version}/commits/</c>).</summary>
public sealed record ReleaseCommitDetails(string? Id, string? Message, string? DateCreated, ReleaseAuthor? Author, ReleaseRepository? Repository);

public sealed record ReleaseRepository(string? Name);

/// <summary>A deploy of a release (<c>…/releases/{version}/deploys/</c>).</summary>
public sealed record ReleaseDeployDetails(string? Id, string? Environment, string? Name, string? Url, string? DateStarted, string? DateFinished);

/// <summary>
/// The health parts of a release answer: <c>currentProjectMeta</c> (neighbouring releases of the
/// project), <c>adoptionStages</c> per environment and each project's <c>healthData</c> (with <c>health=1</c>).
/// Free-form in Sentry, so kept as JSON and rendered key by key.
/// </summary>
public sealed record ReleaseHealth(Dictionary<string, JsonElement>? CurrentProjectMeta, JsonElement? AdoptionStages, IReadOnlyList<ReleaseProjectHealth>? Projects);

public sealed record ReleaseProjectHealth(string? Slug, JsonElement? HealthData);
