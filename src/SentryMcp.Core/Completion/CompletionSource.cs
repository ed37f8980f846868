using ModelContextProtocol;
using SentryMcp.Core.Api;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core.Completion;

/// <summary>
/// Where completion values come from: the caller's organizations, the platforms of
/// their projects and an organization's unresolved issues, read through the caller's own Sentry credential and cached briefly.
/// </summary>
internal sealed class CompletionSource(SentryToolContext context, CompletionCache cache)
{
    /// <summary>One Sentry page; when a list is longer, the typed text narrows it at Sentry.</summary>
    private const int PageSize = 100;

    /// <summary>Platforms without an organization come from this many of the caller's organizations.</summary>
    private const int MaxOrganizationsForPlatforms = 10;

    private string Key(params string?[] parts) => context.Api.CredentialKey + "|" + string.Join("|", parts);

    public async Task<Candidates> CandidatesAsync(string argument, string value, IReadOnlyDictionary<string, string> arguments, CancellationToken ct)
    {
        var pinned = context.Constraints;
        try
        {
            switch (argument)
            {
                case "organizationSlug":
                    return pinned.OrganizationSlug is { } org ? new([org], true) : await OrganizationsAsync(value, ct).ConfigureAwait(false);
                case "issueId":
                    return await IssuesAsync(RequireOrganization(argument, arguments), value, ct).ConfigureAwait(false);
                case "platform":
                    return await PlatformsAsync(Organization(arguments), ct).ConfigureAwait(false);
                default:
                    // File names, URLs and guides have no Sentry list to offer.
                    return Candidates.None;
            }
        }
        catch (SentryApiException notFound) when (notFound.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw SentryCompletions.Invalid($"Sentry has no organization '{Organization(arguments)}' that this credential can see. Complete organizationSlug first.");
        }
        catch (SentryApiException api)
        {
            throw new McpProtocolException($"Sentry refused the completion lookup (HTTP {(int)api.StatusCode}).", McpErrorCode.InternalError);
        }
        catch (Exception ex) when (ex is SentryUnavailableException or SentryResponseFormatException)
        {
            throw new McpProtocolException("Sentry did not answer the completion lookup; try again.", McpErrorCode.InternalError);
        }
    }

    private string? Organization(IReadOnlyDictionary<string, string> arguments) =>
        context.Constraints.OrganizationSlug
        ?? (arguments.TryGetValue("organizationSlug", out var org) && !string.IsNullOrWhiteSpace(org) ? org.Trim() : null);

    private string RequireOrganization(string argument, IReadOnlyDictionary<string, string> arguments) =>
        Organization(arguments) ?? throw SentryCompletions.Invalid(
            $"Completing '{argument}' needs the organization: send organizationSlug in context.arguments.");

    private async Task<Candidates> OrganizationsAsync(string value, CancellationToken ct)
    {
        var all = await cache.GetAsync(Key("organizations"), async c =>
            [.. (await context.Api.ListOrganizationsAsync(null, PageSize, c).ConfigureAwait(false)).Select(o => o.Slug)], ct).ConfigureAwait(false);
        if (all.Count < PageSize || value.Length == 0)
        {
            return new(all, all.Count < PageSize);
        }
        var narrowed = await cache.GetAsync(Key("organizations", value), async c =>
            [.. (await context.Api.ListOrganizationsAsync(value, PageSize, c).ConfigureAwait(false)).Select(o => o.Slug)], ct).ConfigureAwait(false);
        return new(narrowed, narrowed.Count < PageSize);
    }

    private async Task<IReadOnlyList<(string Slug, string? Platform)>> ProjectListAsync(string org, string? query, CancellationToken ct)
    {
        // Slug and platform travel together ("slug\nplatform"): one cached list per organization.
        var rows = await cache.GetAsync(Key("projects", org, query), async c =>
            [.. (await context.Api.ListProjectsAsync(org, query, PageSize, context.Constraints.RegionUrl, c).ConfigureAwait(false))
                .Select(p => p.Slug + "\n" + p.Platform)], ct).ConfigureAwait(false);
        return [.. rows.Select(r => r.Split('\n') is [var slug, var platform] ? (slug, platform.Length == 0 ? null : platform) : (r, (string?)null))];
    }

    private async Task<Candidates> IssuesAsync(string org, string value, CancellationToken ct)
    {
        var project = context.Constraints.ProjectSlug;
        var all = await IssueListAsync(org, project, "is:unresolved", ct).ConfigureAwait(false);
        if (all.Complete || value.Length == 0)
        {
            return all;
        }
        return await IssueListAsync(org, project, "is:unresolved " + value, ct).ConfigureAwait(false);
    }

    private async Task<Candidates> IssueListAsync(string org, string? project, string query, CancellationToken ct)
    {
        var complete = true;
        var ids = await cache.GetAsync(Key("issues", org, project, query), async c =>
        {
            var (issues, hasMore) = await context.Api.ListIssuesAsync(org, project, query, "date", PageSize, null, context.Constraints.RegionUrl, c).ConfigureAwait(false);
            // A trailing marker records, inside the cached list, that Sentry had more.
            IReadOnlyList<string> values = [.. issues.Select(i => i.ShortId ?? i.Id), .. hasMore ? new[] { MoreMarker } : []];
            return values;
        }, ct).ConfigureAwait(false);
        if (ids.Count > 0 && ids[^1] == MoreMarker)
        {
            complete = false;
            ids = [.. ids.Take(ids.Count - 1)];
        }
        return new(ids, complete);
    }

    private const string MoreMarker = "\0more";

    private async Task<Candidates> PlatformsAsync(string? org, CancellationToken ct)
    {
        List<string> orgs;
        var complete = true;
        if (org is not null)
        {
            orgs = [org];
        }
        else
        {
            var all = await OrganizationsAsync("", ct).ConfigureAwait(false);
            orgs = [.. all.Values.Take(MaxOrganizationsForPlatforms)];
            complete = all.Complete && all.Values.Count <= MaxOrganizationsForPlatforms;
        }
        var lists = await Task.WhenAll(orgs.Select(o => ProjectListAsync(o, null, ct))).ConfigureAwait(false);
        complete &= lists.All(l => l.Count < PageSize);
        var platforms = lists.SelectMany(l => l).Select(p => p.Platform).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new(platforms, complete);
    }
}
