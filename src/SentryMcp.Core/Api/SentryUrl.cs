using System.Text.RegularExpressions;

namespace SentryMcp.Core.Api;

public enum SentryResourceKind
{
    Issue,
    Event,
    Trace,
    Replay,
    Monitor,
    Snapshot,
    AiConversation,
}

/// <summary>What a Sentry web URL points at (<paramref name="ResourceId"/>: a replay or snapshot id, monitor slug or AI conversation id).</summary>
public sealed record SentryResource(SentryResourceKind Kind, string OrganizationSlug, string? IssueId = null, string? EventId = null, string? TraceId = null, string? ProjectSlug = null, string? ResourceId = null);

/// <summary>
/// Parses Sentry web URLs (SaaS <c>{org}.sentry.io/…</c> and <c>/organizations/{org}/…</c> forms).
/// Only URLs on the configured Sentry host (or its SaaS subdomains) are accepted: the server never
/// follows a user-supplied URL to another host.
/// </summary>
public static partial class SentryUrl
{
    public static SentryResource Parse(string url, SentryHost host)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UserInputException($"'{url}' is not a valid Sentry URL. Expected e.g. https://my-org.sentry.io/issues/PROJECT-123/.");
        }
        var orgFromSubdomain = OrganizationFromHost(uri, host);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var i = 0;
        string? org = orgFromSubdomain;
        if (segments.Length >= 2 && segments[0] == "organizations")
        {
            org = segments[1];
            i = 2;
        }
        if (string.IsNullOrEmpty(org))
        {
            throw new UserInputException($"Could not tell the organization from '{url}'. Use a URL like https://my-org.sentry.io/issues/123/ or pass organizationSlug.");
        }
        var rest = segments[i..];
        // /issues/{id}/[events/{eventId}/]
        if (rest.Length >= 2 && rest[0] == "issues")
        {
            var issueId = rest[1];
            if (rest.Length >= 4 && rest[2] == "events" && IsEventId(rest[3]))
            {
                return new SentryResource(SentryResourceKind.Event, org, IssueId: issueId, EventId: rest[3]);
            }
            return new SentryResource(SentryResourceKind.Issue, org, IssueId: issueId);
        }
        // /explore/traces/trace/{id}/, /performance/trace/{id}/, /traces/trace/{id}/
        var traceAt = Array.IndexOf(rest, "trace");
        if (traceAt >= 0 && traceAt + 1 < rest.Length && IsTraceId(rest[traceAt + 1]))
        {
            return new SentryResource(SentryResourceKind.Trace, org, TraceId: rest[traceAt + 1]);
        }
        // /projects/{project}/events/{eventId}/ and /discover/{project}:{eventId}/
        if (rest.Length >= 4 && rest[0] == "projects" && rest[2] == "events" && IsEventId(rest[3]))
        {
            return new SentryResource(SentryResourceKind.Event, org, EventId: rest[3], ProjectSlug: rest[1]);
        }
        if (rest.Length >= 2 && rest[0] == "discover" && rest[1].Split(':') is [var project, var eventId] && IsEventId(eventId))
        {
            return new SentryResource(SentryResourceKind.Event, org, EventId: eventId, ProjectSlug: project);
        }
        // /explore/conversations/{id}/
        if (rest.Length >= 3 && rest[0] == "explore" && rest[1] == "conversations")
        {
            return new SentryResource(SentryResourceKind.AiConversation, org, ResourceId: rest[2]);
        }
        // /explore/replays/{id}/ or /replays/{id}/ (not a sub-page such as /replays/selectors/)
        var replaysAt = Array.IndexOf(rest, "replays");
        if (replaysAt is 0 or 1 && replaysAt + 1 < rest.Length && (replaysAt == 0 || rest[0] == "explore") && rest[replaysAt + 1] is not ("selectors" or "dead-clicks" or "rage-clicks"))
        {
            return new SentryResource(SentryResourceKind.Replay, org, ResourceId: rest[replaysAt + 1]);
        }
        // /crons/{slug}/, /crons/{project}/{slug}/, /monitors/{slug}/ (also under /insights/)
        var cronsAt = Array.FindIndex(rest, s => s is "crons" or "monitors");
        if (cronsAt >= 0 && cronsAt + 1 < rest.Length)
        {
            return cronsAt + 2 < rest.Length
                ? new SentryResource(SentryResourceKind.Monitor, org, ProjectSlug: rest[cronsAt + 1], ResourceId: rest[cronsAt + 2])
                : new SentryResource(SentryResourceKind.Monitor, org, ResourceId: rest[cronsAt + 1]);
        }
        // /preprod/snapshots/{id}/
        var preprodAt = Array.IndexOf(rest, "preprod");
        if (preprodAt >= 0 && preprodAt + 2 < rest.Length && rest[preprodAt + 1] == "snapshots")
        {
            return new SentryResource(SentryResourceKind.Snapshot, org, ResourceId: rest[preprodAt + 2]);
        }
        throw new UserInputException($"'{url}' is not an issue, event, trace, replay, monitor, snapshot or AI conversation URL this server understands.");
    }

    public static bool IsEventId(string value) => HexId().IsMatch(value) && value.Replace("-", "", StringComparison.Ordinal).Length == 32;

    public static bool IsTraceId(string value) => IsEventId(value);

    private static string? OrganizationFromHost(Uri uri, SentryHost host)
    {
        var configured = host.BaseUri;
        if (string.Equals(uri.Host, configured.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == configured.Port)
        {
            return null;
        }
        if (host.IsSaas && uri.Scheme == "https" && uri.Host.EndsWith(".sentry.io", StringComparison.OrdinalIgnoreCase))
        {
            var sub = uri.Host[..^".sentry.io".Length];
            // Region hosts (us.sentry.io, de.sentry.io) are not organizations.
            return sub.Contains('.', StringComparison.Ordinal) || SentryHost.SaasRegionHosts.Contains(uri.Host) ? null : sub;
        }
        throw new UserInputException($"The URL '{uri}' is not on the configured Sentry host ({configured.Host}).");
    }

    [GeneratedRegex("^[0-9a-fA-F-]{32,36}$")]
    private static partial Regex HexId();
}

/// <summary>Resolves the issue a tool call refers to, from an issue URL or an organization + issue ID.</summary>
public static class IssueReference
{
    public static (string OrganizationSlug, string IssueId) Resolve(string? organizationSlug, string? issueId, string? issueUrl, SentryHost host)
    {
        if (!string.IsNullOrWhiteSpace(issueUrl))
        {
            var resource = SentryUrl.Parse(issueUrl, host);
            if (resource.IssueId is null)
            {
                throw new UserInputException($"'{issueUrl}' is not an issue URL.");
            }
            return (resource.OrganizationSlug, resource.IssueId);
        }
        if (string.IsNullOrWhiteSpace(issueId))
        {
            throw new UserInputException("Provide either issueUrl, or organizationSlug and issueId (e.g. 'PROJECT-123').");
        }
        if (string.IsNullOrWhiteSpace(organizationSlug))
        {
            throw new UserInputException("organizationSlug is required when issueId is given without issueUrl.");
        }
        return (organizationSlug.Trim(), issueId.Trim());
    }
}
