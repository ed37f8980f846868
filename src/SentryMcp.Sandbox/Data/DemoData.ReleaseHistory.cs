using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SentryMcp.Sandbox;

public sealed record SandboxReleaseHealth(double CrashFreeSessions, double CrashFreeUsers, int TotalSessions, int TotalUsers, double Adoption);

/// <summary>
/// Every deploy and commit of a release (the seed keeps only the last of each) and release health.
/// Derived from the release so that counts, the last commit and the last deploy always agree.
/// </summary>
public sealed partial class DemoData
{
    private static readonly string[] CommitMessages =
    [
        "Add request id to API error responses", "Bump sentry-sdk", "Cache product prices for five minutes",
        "Split checkout view into smaller functions", "Log slow queries above 200 ms", "Fix flaky cart test",
        "Tighten CSP for the checkout page", "Move payment client settings to environment variables",
        "Paginate order history", "Remove unused feature flag", "Upgrade Django to 5.1", "Add index on cart_id",
    ];

    private static readonly Dictionary<string, SandboxReleaseHealth> Health = new(StringComparer.Ordinal)
    {
        ["api-backend@1.18.0"] = new(97.41, 98.9, 18_230, 4_112, 64.5),
        ["api-backend@1.17.3"] = new(99.62, 99.8, 41_905, 6_530, 35.5),
        ["web-frontend@2.4.1"] = new(98.12, 99.1, 25_004, 7_820, 71.0),
        ["web-frontend@2.4.0"] = new(99.35, 99.6, 52_310, 9_904, 29.0),
        ["payments-service@3.2.0"] = new(96.8, 97.9, 8_420, 2_210, 100),
    };

    public SandboxReleaseHealth? HealthOf(SandboxRelease release) => Health.GetValueOrDefault(release.Version);

    public SandboxRelease? Release(string organizationSlug, string version) =>
        Releases.FirstOrDefault(r => r.OrganizationSlug == organizationSlug && r.Version == version);

    /// <summary>Deploys, newest first; the newest is the release's last deploy.</summary>
    public List<SandboxDeploy> DeploysOf(SandboxRelease release)
    {
        if (release.LastDeploy is not { } last)
        {
            return [];
        }
        var environments = new[] { "staging", "canary", "production" };
        var deploys = new List<SandboxDeploy> { last };
        for (var i = 1; i < release.DeployCount; i++)
        {
            var started = last.DateStarted.AddHours(-3 * i);
            deploys.Add(new SandboxDeploy($"{release.Id}{i:00}", environments[(i - 1) % environments.Length], started, started.AddMinutes(7)));
        }
        return deploys;
    }

    /// <summary>Commits, newest first; the newest is the release's last commit.</summary>
    public List<SandboxCommit> CommitsOf(SandboxRelease release)
    {
        var commits = new List<SandboxCommit>();
        if (release.LastCommit is { } last)
        {
            commits.Add(last);
        }
        var authors = release.Authors.Count == 0 ? [new SandboxReleaseAuthor("Jane Doe", "jane@acme.example")] : release.Authors;
        var newest = release.LastCommit?.DateCreated ?? release.DateCreated;
        for (var i = commits.Count; i < release.CommitCount; i++)
        {
            var sha = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{release.Version}#{i.ToString(CultureInfo.InvariantCulture)}")));
            commits.Add(new SandboxCommit(sha, CommitMessages[(i + release.Version.Length) % CommitMessages.Length], authors[i % authors.Count], newest.AddHours(-5 * i)));
        }
        return commits;
    }

    /// <summary>The repository a project's commits live in.</summary>
    public static string RepositoryOf(SandboxRelease release) =>
        release.Version.StartsWith("web-frontend@", StringComparison.Ordinal) ? "acme/web" : "acme/platform";
}
