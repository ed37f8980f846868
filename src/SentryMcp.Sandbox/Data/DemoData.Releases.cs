namespace SentryMcp.Sandbox;

public sealed record SandboxReleaseAuthor(string Name, string Email);

public sealed record SandboxCommit(string Id, string Message, SandboxReleaseAuthor Author, DateTimeOffset DateCreated);

public sealed record SandboxDeploy(string Id, string Environment, DateTimeOffset DateStarted, DateTimeOffset DateFinished);

public sealed class SandboxRelease
{
    public required string Id { get; init; }
    public required string OrganizationSlug { get; init; }
    public required string Version { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public DateTimeOffset? DateReleased { get; init; }
    public DateTimeOffset? FirstEvent { get; init; }
    public DateTimeOffset? LastEvent { get; init; }
    public int NewGroups { get; init; }
    public int CommitCount { get; init; }
    public int DeployCount { get; init; }
    public List<SandboxReleaseAuthor> Authors { get; init; } = [];
    public SandboxCommit? LastCommit { get; init; }
    public SandboxDeploy? LastDeploy { get; init; }

    /// <summary>Project ids, not slugs, so that a project rename carries over to its releases.</summary>
    public List<string> ProjectIds { get; init; } = [];

    /// <summary>Sentry's short form: the part after <c>package@</c>, and a commit SHA cut to 12 characters.</summary>
    public string ShortVersion
    {
        get
        {
            var at = Version.IndexOf('@', StringComparison.Ordinal);
            var version = at >= 0 ? Version[(at + 1)..] : Version;
            return version.Length == 40 && version.All(char.IsAsciiHexDigitLower) ? version[..12] : version;
        }
    }
}

public sealed partial class DemoData
{
    public List<SandboxRelease> Releases { get; } = [];

    partial void SeedReleases()
    {
        var jane = new SandboxReleaseAuthor("Jane Doe", "jane@acme.example");
        var sam = new SandboxReleaseAuthor("Sam Lee", "sam@acme.example");

        AddRelease("web-frontend@2.4.1", ["web-frontend"], created: 2, released: true, newGroups: 1, commits: 12, deploys: 2, [jane],
            new SandboxCommit("8d3f1c2a9b7e4d6f0a1b2c3d4e5f60718293a4b5", "Render order list while orders load", jane, Now.AddDays(-2.2)), "production");
        AddRelease("web-frontend@2.4.0", ["web-frontend"], created: 9, released: true, newGroups: 0, commits: 7, deploys: 3, [jane, sam],
            new SandboxCommit("1f2e3d4c5b6a79880a1b2c3d4e5f60718293a4b5", "Upgrade React Router", sam, Now.AddDays(-9.1)), "production");
        AddRelease("api-backend@1.18.0", ["api-backend"], created: 1, released: true, newGroups: 2, commits: 18, deploys: 1, [sam],
            new SandboxCommit("5a6b7c8d9e0f11223344556677889900aabbccdd", "Load user profiles lazily", sam, Now.AddDays(-1.3)), "production");
        AddRelease("api-backend@1.17.3", ["api-backend"], created: 6, released: true, newGroups: 0, commits: 4, deploys: 2, [sam],
            new SandboxCommit("99aa88bb77cc66dd55ee44ff3300112233445566", "Fix pagination of /users", sam, Now.AddDays(-6.2)), "staging");
        AddRelease("2ce6a27d9f1e4b3c8a7f6e5d4c3b2a1908f7e6d5", ["api-backend", "payments-service"], created: 3, released: true, newGroups: 1, commits: 3, deploys: 1, [jane, sam],
            new SandboxCommit("2ce6a27d9f1e4b3c8a7f6e5d4c3b2a1908f7e6d5", "Shorten payment provider timeout", jane, Now.AddDays(-3.1)), "production");
        AddRelease("payments-service@3.2.0", ["payments-service"], created: 4, released: true, newGroups: 1, commits: 9, deploys: 1, [jane],
            new SandboxCommit("0badc0de0badc0de0badc0de0badc0de0badc0de", "Retry charges on provider timeouts", jane, Now.AddDays(-4.2)), "production");
        AddRelease("mobile-app@5.1.0-beta.1", ["mobile-app"], created: 5, released: false, newGroups: 0, commits: 21, deploys: 0, [sam], null, null);
        AddRelease("prototype@0.1.0", ["prototype"], created: 20, released: true, newGroups: 0, commits: 2, deploys: 1, [jane], null, "development", SecondOrganizationSlug);
    }

    private void AddRelease(string version, string[] projectSlugs, double created, bool released, int newGroups, int commits, int deploys,
        List<SandboxReleaseAuthor> authors, SandboxCommit? lastCommit, string? deployEnvironment, string organizationSlug = OrganizationSlug)
    {
        var createdAt = Now.AddDays(-created);
        Releases.Add(new SandboxRelease
        {
            Id = NextId(),
            OrganizationSlug = organizationSlug,
            Version = version,
            DateCreated = createdAt,
            DateReleased = released ? createdAt.AddMinutes(20) : null,
            FirstEvent = newGroups > 0 || released ? createdAt.AddMinutes(25) : null,
            LastEvent = released ? Now.AddHours(-created) : null,
            NewGroups = newGroups,
            CommitCount = commits,
            DeployCount = deploys,
            Authors = authors,
            LastCommit = lastCommit,
            LastDeploy = deployEnvironment is null ? null
                : new SandboxDeploy(NextId(), deployEnvironment, createdAt.AddMinutes(10), createdAt.AddMinutes(18)),
            ProjectIds = [.. projectSlugs.Select(s => Project(organizationSlug, s)!.Id)],
        });
    }
}
