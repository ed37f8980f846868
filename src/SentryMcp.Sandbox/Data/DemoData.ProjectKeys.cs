using System.Security.Cryptography;
using System.Text;

namespace SentryMcp.Sandbox;

/// <summary>A project's client key. DSN strings are built per request from the host the caller used.</summary>
public sealed class SandboxProjectKey
{
    public required string ProjectId { get; init; }
    public required string Name { get; set; }
    public required string Public { get; init; }
    public required string Secret { get; init; }
    public bool IsActive { get; set; } = true;
    public required DateTimeOffset DateCreated { get; init; }
    public SandboxRateLimit? RateLimit { get; set; }
    public string BrowserSdkVersion { get; set; } = "latest";
    public SandboxLoaderOptions LoaderOptions { get; } = new();
}

public sealed partial class DemoData
{
    public List<SandboxProjectKey> ProjectKeys { get; } = [];

    /// <summary>
    /// Adds a client key. Seeded keys are derived from the project id and name so that they are the
    /// same in every run (tests and docs can quote them); keys created at run time are random.
    /// </summary>
    public SandboxProjectKey AddProjectKey(SandboxProject project, string name, bool seeded = false, bool isActive = true, DateTimeOffset? dateCreated = null)
    {
        var publicKey = seeded ? Hex($"public:{project.Id}:{name}") : Guid.NewGuid().ToString("N");
        var secretKey = seeded ? Hex($"secret:{project.Id}:{name}") : Guid.NewGuid().ToString("N");
        var key = new SandboxProjectKey
        {
            ProjectId = project.Id,
            Name = name,
            Public = publicKey,
            Secret = secretKey,
            IsActive = isActive,
            DateCreated = dateCreated ?? DateTimeOffset.UtcNow,
        };
        ProjectKeys.Add(key);
        return key;
    }

    partial void SeedProjectKeys()
    {
        // acme-labs/prototype had its only key revoked, so that one project has no DSN at all.
        foreach (var project in Projects.Where(p => p.OrganizationSlug == OrganizationSlug))
        {
            AddProjectKey(project, "Default", seeded: true, dateCreated: project.DateCreated);
        }
        var web = Project(OrganizationSlug, "web-frontend")!;
        AddProjectKey(web, "Staging", seeded: true, dateCreated: Now.AddDays(-60));
        var payments = Project(OrganizationSlug, "payments-service")!;
        AddProjectKey(payments, "Legacy checkout", seeded: true, isActive: false, dateCreated: Now.AddDays(-150));
    }

    private static string Hex(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..32];
}
