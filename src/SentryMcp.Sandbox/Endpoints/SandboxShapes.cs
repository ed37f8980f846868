using System.Globalization;

namespace SentryMcp.Sandbox;

/// <summary>Sentry's JSON shapes for teams, projects, client keys and releases.</summary>
public static class SandboxShapes
{
    private static readonly string[] TeamAccess = ["team:read", "team:write", "project:read", "project:write", "project:releases", "event:read", "event:write"];

    public static object TeamJson(DemoData data, SandboxTeam team) => new
    {
        id = team.Id,
        slug = team.Slug,
        name = team.Name,
        dateCreated = team.DateCreated,
        isMember = true,
        teamRole = "contributor",
        flags = new Dictionary<string, bool> { ["idp:provisioned"] = false },
        access = TeamAccess,
        hasAccess = true,
        isPending = false,
        memberCount = team.MemberCount,
        avatar = new { avatarType = "letter_avatar", avatarUuid = (string?)null },
        projects = data.Projects
            .Where(p => p.OrganizationSlug == team.OrganizationSlug && p.TeamSlugs.Contains(team.Slug))
            .Select(p => new { id = p.Id, slug = p.Slug, name = p.Name, platform = p.Platform }),
    };

    public static object ProjectJson(DemoData data, SandboxProject project, bool detailed = false)
    {
        var teams = project.TeamSlugs
            .Select(slug => data.Teams.FirstOrDefault(t => t.OrganizationSlug == project.OrganizationSlug && t.Slug == slug))
            .OfType<SandboxTeam>()
            .Select(t => new { id = t.Id, slug = t.Slug, name = t.Name })
            .ToList();
        var latest = data.Releases
            .Where(r => r.ProjectIds.Contains(project.Id))
            .OrderByDescending(r => r.DateCreated)
            .Select(r => new { version = r.Version })
            .FirstOrDefault();
        var organization = detailed ? data.Organization(project.OrganizationSlug) : null;
        return new
        {
            id = project.Id,
            slug = project.Slug,
            name = project.Name,
            platform = project.Platform,
            dateCreated = project.DateCreated,
            isBookmarked = false,
            isMember = true,
            features = new[] { "releases", "performance-view", "session-replay" },
            firstEvent = project.DateCreated.AddHours(2),
            firstTransactionEvent = true,
            access = TeamAccess,
            hasAccess = true,
            hasProfiles = false,
            hasReplays = project.Platform?.StartsWith("javascript", StringComparison.Ordinal) == true,
            hasLogs = false,
            hasSessions = true,
            isInternal = false,
            isPublic = false,
            avatar = new { avatarType = "letter_avatar", avatarUuid = (string?)null },
            color = "#3f70bf",
            status = "active",
            team = teams.FirstOrDefault(),
            teams,
            environments = new[] { "production", "staging" },
            platforms = project.Platform is null ? Array.Empty<string>() : [project.Platform],
            latestRelease = latest,
            organization = organization is null ? null : new { id = organization.Id, slug = organization.Slug, name = organization.Name },
        };
    }

    /// <summary>A client key; its DSNs point at the host the caller used to reach the sandbox.</summary>
    public static object ProjectKeyJson(HttpContext http, SandboxProjectKey key)
    {
        var baseUrl = SandboxState.BaseUrl(http);
        var uri = new Uri(baseUrl);
        var host = uri.Authority;
        var projectId = key.ProjectId;
        return new
        {
            id = key.Public,
            name = key.Name,
            label = key.Name,
            @public = key.Public,
            secret = key.Secret,
            projectId = long.Parse(projectId, CultureInfo.InvariantCulture),
            isActive = key.IsActive,
            rateLimit = key.RateLimit is { } limit ? new { window = limit.Window, count = limit.Count } : null,
            dsn = new
            {
                secret = $"{uri.Scheme}://{key.Public}:{key.Secret}@{host}/{projectId}",
                @public = $"{uri.Scheme}://{key.Public}@{host}/{projectId}",
                csp = $"{baseUrl}api/{projectId}/csp-report/?sentry_key={key.Public}",
                security = $"{baseUrl}api/{projectId}/security/?sentry_key={key.Public}",
                minidump = $"{baseUrl}api/{projectId}/minidump/?sentry_key={key.Public}",
                nel = $"{baseUrl}api/{projectId}/nel/?sentry_key={key.Public}",
                unreal = $"{baseUrl}api/{projectId}/unreal/{key.Public}/",
                crons = $"{baseUrl}api/{projectId}/cron/___MONITOR_SLUG___/{key.Public}/",
                cdn = $"{baseUrl}js-sdk-loader/{key.Public}.min.js",
            },
            browserSdkVersion = key.BrowserSdkVersion,
            browserSdk = new { choices = SandboxKeySettings.BrowserSdkVersions.Select(v => new[] { v, v }) },
            dateCreated = key.DateCreated,
            dynamicSdkLoaderOptions = key.LoaderOptions,
        };
    }

    public static object ReleaseJson(DemoData data, SandboxRelease release)
    {
        var projects = release.ProjectIds
            .Select(id => data.Projects.FirstOrDefault(p => p.Id == id))
            .OfType<SandboxProject>()
            .Select(p => new
            {
                id = long.Parse(p.Id, CultureInfo.InvariantCulture),
                slug = p.Slug,
                name = p.Name,
                newGroups = release.NewGroups,
                platform = p.Platform,
                platforms = p.Platform is null ? Array.Empty<string>() : [p.Platform],
                hasHealthData = false,
            });
        var at = release.Version.IndexOf('@', StringComparison.Ordinal);
        return new
        {
            id = long.Parse(release.Id, CultureInfo.InvariantCulture),
            version = release.Version,
            shortVersion = release.ShortVersion,
            status = "open",
            @ref = (string?)null,
            url = (string?)null,
            dateCreated = release.DateCreated,
            dateReleased = release.DateReleased,
            data = new { },
            newGroups = release.NewGroups,
            owner = (object?)null,
            commitCount = release.CommitCount,
            lastCommit = release.LastCommit is not { } commit ? null : new
            {
                id = commit.Id,
                message = commit.Message,
                dateCreated = commit.DateCreated,
                author = new { name = commit.Author.Name, email = commit.Author.Email },
            },
            deployCount = release.DeployCount,
            lastDeploy = release.LastDeploy is not { } deploy ? null : new
            {
                id = deploy.Id,
                environment = deploy.Environment,
                dateStarted = deploy.DateStarted,
                dateFinished = deploy.DateFinished,
                name = (string?)null,
                url = (string?)null,
            },
            authors = release.Authors.Select(a => new { name = a.Name, email = a.Email }),
            projects,
            firstEvent = release.FirstEvent,
            lastEvent = release.LastEvent,
            currentProjectMeta = new { },
            userAgent = (string?)null,
            versionInfo = new
            {
                package = at >= 0 ? release.Version[..at] : null,
                version = new { raw = at >= 0 ? release.Version[(at + 1)..] : release.Version },
                description = release.ShortVersion,
                buildHash = (string?)null,
            },
        };
    }
}
