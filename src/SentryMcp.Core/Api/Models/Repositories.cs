namespace SentryMcp.Core.Api.Models;

public sealed record RepositoryProvider(string? Id, string? Name);

/// <summary>A repository connected to the organization through a VCS integration (GitHub, GitLab…).</summary>
public sealed record SentryRepository(string? Id, string Name, RepositoryProvider? Provider, string? Status);

public sealed record CodeMappingOutcome(string? StackRoot, string? SourceRoot, string? Status, string? Detail);

/// <summary>The answer of <c>POST /organizations/{org}/code-mappings/bulk/</c>.</summary>
public sealed record CodeMappingResult(int? Created, int? Updated, int? Errors, IReadOnlyList<CodeMappingOutcome>? Mappings);
