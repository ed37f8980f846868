namespace SentryMcp.Sandbox;

public sealed class SandboxUser
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Username { get; init; }
    public required string Email { get; init; }
}

public sealed class SandboxOrganization
{
    public required string Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
}

public sealed class SandboxTeam
{
    public required string Id { get; init; }
    public required string OrganizationSlug { get; init; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required DateTimeOffset DateCreated { get; init; }
    public int MemberCount { get; set; } = 1;
}

public sealed class SandboxProject
{
    public required string Id { get; init; }
    public required string OrganizationSlug { get; init; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Platform { get; set; }
    public required DateTimeOffset DateCreated { get; init; }
    public List<string> TeamSlugs { get; init; } = [];
}

/// <summary>
/// The demo world: organization <c>acme</c> (a web shop with a React front end, a Django API, a
/// .NET payments service and a mobile app) and a small second organization, <c>acme-labs</c>.
/// Each area (issues, traces, releases, docs…) seeds its own part in a partial file.
/// </summary>
public sealed partial class DemoData
{
    public const string OrganizationSlug = "acme";
    public const string SecondOrganizationSlug = "acme-labs";
    public const string UserId = "1";

    public DemoData()
    {
        Now = DateTimeOffset.UtcNow;
        Users.Add(new SandboxUser { Id = UserId, Name = "Jane Doe", Username = "jane", Email = "jane@acme.example" });
        Users.Add(new SandboxUser { Id = "2", Name = "Sam Lee", Username = "sam", Email = "sam@acme.example" });
        Organizations.Add(new SandboxOrganization { Id = "1", Slug = OrganizationSlug, Name = "Acme Corp", DateCreated = Now.AddDays(-400) });
        Organizations.Add(new SandboxOrganization { Id = "2", Slug = SecondOrganizationSlug, Name = "Acme Labs", DateCreated = Now.AddDays(-90) });

        AddTeam(OrganizationSlug, "frontend", "Frontend", 3);
        AddTeam(OrganizationSlug, "backend", "Backend", 4);
        AddTeam(OrganizationSlug, "mobile", "Mobile", 2);
        AddTeam(SecondOrganizationSlug, "research", "Research", 1);

        AddProject(OrganizationSlug, "web-frontend", "Web Frontend", "javascript-react", "frontend");
        AddProject(OrganizationSlug, "api-backend", "API Backend", "python-django", "backend");
        AddProject(OrganizationSlug, "payments-service", "Payments Service", "csharp-aspnetcore", "backend");
        AddProject(OrganizationSlug, "mobile-app", "Mobile App", "react-native", "mobile");
        AddProject(SecondOrganizationSlug, "prototype", "Prototype", "python", "research");

        SeedProjectKeys();
        SeedReleases();
        SeedIssues();
        SeedTraces();
        SeedSeer();
        SeedExplore();
        SeedDocs();
        SeedLabProjects();
        SeedIssueDeepDive();
    }

    public DateTimeOffset Now { get; }
    public List<SandboxUser> Users { get; } = [];
    public List<SandboxOrganization> Organizations { get; } = [];
    public List<SandboxTeam> Teams { get; } = [];
    public List<SandboxProject> Projects { get; } = [];

    private int _nextId = 1000;

    /// <summary>A fresh numeric id, unique within this world.</summary>
    public string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public SandboxOrganization? Organization(string slug) => Organizations.FirstOrDefault(o => o.Slug == slug);

    public SandboxProject? Project(string organizationSlug, string projectSlugOrId) =>
        Projects.FirstOrDefault(p => p.OrganizationSlug == organizationSlug && (p.Slug == projectSlugOrId || p.Id == projectSlugOrId));

    public SandboxTeam AddTeam(string organizationSlug, string slug, string name, int members = 1)
    {
        var team = new SandboxTeam { Id = NextId(), OrganizationSlug = organizationSlug, Slug = slug, Name = name, DateCreated = Now.AddDays(-300), MemberCount = members };
        Teams.Add(team);
        return team;
    }

    public SandboxProject AddProject(string organizationSlug, string slug, string name, string? platform, string teamSlug)
    {
        var project = new SandboxProject { Id = NextId(), OrganizationSlug = organizationSlug, Slug = slug, Name = name, Platform = platform, DateCreated = Now.AddDays(-200), TeamSlugs = [teamSlug] };
        Projects.Add(project);
        return project;
    }

    partial void SeedProjectKeys();
    partial void SeedReleases();
    partial void SeedIssues();
    partial void SeedTraces();
    partial void SeedSeer();
    partial void SeedExplore();
    partial void SeedDocs();
}
