namespace SentryMcp.Sandbox;

/// <summary>A repository connected through a VCS integration; <c>ProviderId</c> is Sentry's <c>integrations:github</c> form.</summary>
public sealed record SandboxRepository(string Id, string OrganizationSlug, string Name, string ProviderId, string ProviderName, DateTimeOffset DateCreated);

/// <summary>Maps stack trace paths of a project (<c>StackRoot</c>) to paths in a repository (<c>SourceRoot</c>).</summary>
public sealed record SandboxCodeMapping(string Id, string ProjectId, string RepositoryId, string StackRoot, string SourceRoot);

public sealed partial class DemoData
{
    private List<SandboxRepository>? _repositories;

    /// <summary>Seeded on first use with fixed ids, like the dashboards (the constructor belongs to the shared world).</summary>
    public List<SandboxRepository> Repositories => _repositories ??=
    [
        new("5101", OrganizationSlug, "acme/web-shop", "integrations:github", "GitHub", Now.AddDays(-380)),
        new("5102", OrganizationSlug, "acme/api", "integrations:github", "GitHub", Now.AddDays(-380)),
        new("5103", OrganizationSlug, "acme/payments", "integrations:github", "GitHub", Now.AddDays(-300)),
        // Same short name as acme/api: a bare "api" is ambiguous.
        new("5104", OrganizationSlug, "acme-legacy/api", "integrations:gitlab", "GitLab", Now.AddDays(-390)),
        new("5201", SecondOrganizationSlug, "acme-labs/prototype", "integrations:github", "GitHub", Now.AddDays(-80)),
    ];

    public List<SandboxCodeMapping> CodeMappings { get; } = [];
}
