using System.ComponentModel;
using System.Globalization;
using System.Net;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetReplayDetailsTool
{
    /// <summary>Timeline lines shown; a long session has thousands of events.</summary>
    private const int MaxTimeline = 30;
    private const int MaxRelatedErrors = 3;

    [McpServerTool(Name = "get_replay_details", Title = "Get replay details", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ReplayOutput))]
    [Description("Get a Sentry session replay by URL or ID: who, when, browser, pages, error and click counts, a timeline of what the user did (pages, clicks, rage clicks, requests, console errors) and the issues and traces it links to.\n\nUse this tool when you need to:\n- Understand a replay URL the user shares\n- Find out what a user did before an error happened\n- Get the issues and traces to look at next for a replay\n\n<examples>\nget_replay_details(replayUrl='https://my-organization.sentry.io/explore/replays/7e07485f12f9416b8b1426260799b51f/')\nget_replay_details(organizationSlug='my-organization', replayId='7e07485f-12f9-416b-8b14-26260799b51f')\n</examples>\n\n<hints>\n- Pass either replayUrl, or organizationSlug and replayId.\n- search_events with dataset='replays' finds replays (e.g. query='count_errors:>0').\n</hints>")]
    [SentryTool(PermissionGroup.Read, "org:read", "project:read", "event:read", Skills = [Skill.Inspect])]
    public static Task<CallToolResult> GetReplayDetails(
        SentryToolContext context,
        [Description("The replay's URL, e.g. https://my-organization.sentry.io/explore/replays/7e07485f12f9416b8b1426260799b51f/.")] string? replayUrl = null,
        [Description("The organization's slug. find_organizations lists them. Not needed with replayUrl.")] string? organizationSlug = null,
        [Description("The replay ID: 32 hexadecimal characters, dashes allowed.")] string? replayId = null,
        [Description("The organization's region URL from find_organizations, e.g. https://us.sentry.io. Optional.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(replayUrl))
        {
            var (urlOrg, urlReplayId) = ParseUrl(replayUrl, context.Host);
            if (!string.IsNullOrWhiteSpace(organizationSlug) && !string.Equals(organizationSlug.Trim(), urlOrg, StringComparison.Ordinal))
            {
                throw new UserInputException($"The replay URL belongs to organization '{urlOrg}', not '{organizationSlug.Trim()}'.");
            }
            return RenderAsync(context, urlOrg, urlReplayId, regionUrl, cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(organizationSlug) || string.IsNullOrWhiteSpace(replayId))
        {
            throw new UserInputException("Provide either replayUrl, or both organizationSlug and replayId.");
        }
        return RenderAsync(context, organizationSlug.Trim(), replayId, regionUrl, cancellationToken);
    }

    /// <summary>Fetches and renders a replay; get_sentry_resource calls this for replay URLs.</summary>
    internal static async Task<CallToolResult> RenderAsync(SentryToolContext context, string organizationSlug, string replayId, string? regionUrl, CancellationToken ct)
    {
        var org = SentryToolContext.Require(organizationSlug, "organizationSlug");
        var id = NormalizeId(replayId);
        SentryReplay replay;
        try
        {
            replay = await context.Api.GetReplayAsync(org, id, regionUrl, ct).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new UserInputException($"No replay {id} was found in organization '{org}' (HTTP 404). Check the ID and the organization; search_events(organizationSlug='{org}', dataset='replays') lists recent replays.");
        }
        var archived = replay.IsArchived == true;
        var segmentsTask = archived || replay.ProjectIdText is null || replay.CountSegments is 0
            ? Task.FromResult<List<List<System.Text.Json.JsonElement>>?>(null)
            : SegmentsAsync(context, org, replay.ProjectIdText, id, regionUrl, ct);
        var errorsTask = Task.WhenAll((replay.ErrorIds ?? []).Take(MaxRelatedErrors).Select(e => ErrorAsync(context, org, e, regionUrl, ct)));
        var segments = await segmentsTask.ConfigureAwait(false);
        var errors = await errorsTask.ConfigureAwait(false);
        var startedAt = DateTimeOffset.TryParse(replay.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s) ? s : (DateTimeOffset?)null;
        var timeline = segments is null ? [] : ReplayTimeline.Build(segments, startedAt);
        var url = $"{context.Host.OrganizationUrl(org)}explore/replays/{Uri.EscapeDataString(replay.Id ?? id)}/";
        var data = ToOutput(replay, id, url, errors, timeline);
        return ToolResults.Structured(Format(org, data, segments is null && !archived && replay.CountSegments is not 0), data);
    }

    private static string Format(string org, ReplayOutput replay, bool recordingUnavailable)
    {
        var md = new Markdown().Title($"Replay {replay.Id} in **{org}**")
            .Heading("Summary")
            .Field("Started", Markdown.Date(replay.StartedAt))
            .Field("Duration", replay.DurationSeconds is { } d ? Duration(d) : "unknown")
            .Field("User", replay.User ?? "anonymous")
            .Field("Environment", replay.Environment)
            .Field("Browser", replay.Browser)
            .Field("OS", replay.Os)
            .Field("Release", replay.Release)
            .Field("Pages", replay.Urls.Count == 0 ? null : string.Join(", ", replay.Urls.Take(5)))
            .Field("Errors", replay.Errors.ToString(CultureInfo.InvariantCulture))
            .Field("Rage Clicks", replay.RageClicks.ToString(CultureInfo.InvariantCulture))
            .Field("Dead Clicks", replay.DeadClicks.ToString(CultureInfo.InvariantCulture))
            .Field("Warnings", replay.Warnings.ToString(CultureInfo.InvariantCulture))
            .Field("Archived", replay.Archived ? "yes" : "no")
            .Field("Sentry URL", replay.Url)
            .Line();

        md.Heading("Timeline");
        if (replay.Archived)
        {
            md.Paragraph("The recording is archived (past retention) and can no longer be played back.");
        }
        else if (recordingUnavailable)
        {
            md.Paragraph("The recording could not be loaded; the summary above still holds.");
        }
        else if (replay.Timeline.Count == 0)
        {
            md.Paragraph("No clicks, navigations, requests or console messages were recorded.");
        }
        foreach (var e in replay.Timeline.Take(MaxTimeline))
        {
            var at = e.OffsetSeconds is { } o ? $"{Offset(o)} · " : "";
            md.Bullet($"{at}**{e.Kind}** {Markdown.Truncate(e.Description, 200)}");
        }
        if (replay.Timeline.Count > MaxTimeline)
        {
            md.Line().Paragraph($"*{replay.Timeline.Count - MaxTimeline} later events are left out; watch the replay in Sentry for all of them.*");
        }

        md.Line().Heading("Related");
        if (replay.RelatedErrors.Count == 0 && replay.TraceIds.Count == 0)
        {
            md.Paragraph("No errors or traces are linked to this replay.");
        }
        foreach (var error in replay.RelatedErrors)
        {
            md.Bullet(error.Issue is null ? $"Error event {Markdown.Code(error.EventId)}" : $"**{error.Issue}**: {error.Title} (event {Markdown.Code(error.EventId)})");
        }
        foreach (var trace in replay.TraceIds.Take(3))
        {
            md.Bullet($"Trace {Markdown.Code(trace)}");
        }

        var hints = new List<string>();
        hints.AddRange(replay.RelatedErrors.Select(e => e.Issue).OfType<string>().Distinct()
            .Select(issue => $"The error {issue}: `get_issue_details(organizationSlug='{org}', issueId='{issue}')`."));
        hints.AddRange(replay.TraceIds.Take(2).Select(t => $"What the backend did: `get_trace_details(organizationSlug='{org}', traceId='{t}')`."));
        hints.Add("Rage clicks right after a slow or failed request usually mean the page gave no feedback while it waited.");
        return md.UsingThisInformation([.. hints]).ToString();
    }

    private static ReplayOutput ToOutput(SentryReplay replay, string id, string url, ReplayErrorOutput[] errors, List<ReplayEventOutput> timeline) => new(
        replay.Id ?? id, url, replay.ProjectIdText, replay.StartedAt, replay.Duration, replay.Environment,
        replay.User?.DisplayName ?? replay.User?.Email ?? replay.User?.Username ?? replay.User?.Id,
        NameVersion(replay.Browser), NameVersion(replay.Os), replay.Urls ?? [], replay.Releases?.FirstOrDefault(),
        replay.CountErrors ?? replay.ErrorIds?.Count ?? 0, replay.CountRageClicks ?? 0, replay.CountDeadClicks ?? 0, replay.CountWarnings ?? 0,
        replay.IsArchived == true, replay.TraceIds ?? [], errors, timeline);

    /// <summary>The recording is optional to the answer: a failure to load it is said, not raised.</summary>
    private static async Task<List<List<System.Text.Json.JsonElement>>?> SegmentsAsync(SentryToolContext context, string org, string projectId, string id, string? regionUrl, CancellationToken ct)
    {
        try
        {
            return await context.Api.GetReplaySegmentsAsync(org, projectId, id, regionUrl, ct).ConfigureAwait(false);
        }
        catch (SentryApiException)
        {
            return null;
        }
    }

    private static async Task<ReplayErrorOutput> ErrorAsync(SentryToolContext context, string org, string eventId, string? regionUrl, CancellationToken ct)
    {
        try
        {
            var (issues, _) = await context.Api.ListIssuesAsync(org, null, eventId, "date", 1, null, regionUrl, ct).ConfigureAwait(false);
            return issues.FirstOrDefault() is { } issue ? new ReplayErrorOutput(eventId, issue.ShortId ?? issue.Id, issue.Title) : new ReplayErrorOutput(eventId, null, null);
        }
        catch (SentryApiException)
        {
            return new ReplayErrorOutput(eventId, null, null);
        }
    }

    private static string NormalizeId(string? replayId)
    {
        var id = SentryToolContext.Require(replayId, "replayId").Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigit))
        {
            throw new UserInputException($"'{Markdown.Truncate(replayId, 60)}' is not a replay ID. A replay ID is 32 hexadecimal characters (dashes allowed), e.g. '7e07485f-12f9-416b-8b14-26260799b51f'.");
        }
        return id;
    }

    /// <summary>Replay URLs: <c>{org}.sentry.io/explore/replays/{id}/</c>, <c>…/replays/{id}/</c> and <c>/organizations/{org}/replays/{id}/</c>, only on the configured host.</summary>
    internal static (string Org, string ReplayId) ParseUrl(string url, SentryHost host)
    {
        const string example = "https://my-org.sentry.io/explore/replays/7e07485f12f9416b8b1426260799b51f/";
        var parsed = SentryWebUrl.Parse(url, host, example);
        if (parsed.OrganizationSlug is not { } org || parsed.After("replays") is not { } id)
        {
            throw new UserInputException($"'{Markdown.Truncate(url, 100)}' is not a replay URL. Expected e.g. {example}, or pass organizationSlug and replayId.");
        }
        return (org, NormalizeId(id));
    }

    private static string? NameVersion(NameVersion? value) =>
        value is null ? null : string.Join(' ', new[] { value.Name, value.Version }.Where(v => !string.IsNullOrWhiteSpace(v))) is { Length: > 0 } text ? text : null;

    private static string Duration(double seconds) => seconds < 60
        ? $"{seconds.ToString("0", CultureInfo.InvariantCulture)}s"
        : $"{(int)(seconds / 60)}m {((int)seconds % 60).ToString(CultureInfo.InvariantCulture)}s";

    private static string Offset(double seconds) => seconds < 60
        ? $"T+{seconds.ToString("0.#", CultureInfo.InvariantCulture)}s"
        : $"T+{(int)(seconds / 60)}m {(seconds % 60).ToString("00", CultureInfo.InvariantCulture)}s";
}
