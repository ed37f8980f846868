namespace SentryMcp.Core.Tools.Output;

/// <summary>A team with access to a project.</summary>
public sealed record ProjectTeamOutput(string Id, string Slug, string Name);

/// <summary>A project's teams after a grant or revoke; <c>Changed</c> is false when nothing needed doing.</summary>
public sealed record ProjectTeamsOutput(bool Changed, IReadOnlyList<ProjectTeamOutput> Teams);
