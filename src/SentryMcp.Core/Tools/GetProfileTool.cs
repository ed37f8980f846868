using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed partial class GetProfileTool
{
    [McpServerTool(Name = "get_profile", Title = "Analyze a transaction's CPU profile", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ProfileAnalysisOutput))]
    [Description("Analyze the CPU profiles of a transaction over a period: the hot call paths, the slowest functions with p75/p95/p99, how much time is spent in user code, and, against a baseline period, which functions regressed.\n\nUse this tool when you need to:\n- Find out why an endpoint or transaction is slow and where its CPU time goes\n- Find performance bottlenecks in user code\n- Compare performance between two periods to detect a regression\n- Read a Sentry profile URL the user shares\n\n<examples>\nget_profile(organizationSlug='my-org', transactionName='/api/users', projectSlugOrId='backend')\nget_profile(organizationSlug='my-org', transactionName='/api/users', projectSlugOrId='backend', period='7d', compareAgainstPeriod='14d')\nget_profile(profileUrl='https://my-org.sentry.io/explore/profiling/profile/backend/flamegraph/', transactionName='/api/users')\n</examples>\n\n<hints>\n- Transaction names are exact and case-sensitive; search_events with dataset='spans' lists them.\n- focusOnUserCode (default true) hides library frames; a hot path still names its innermost library call.\n- A p99 much higher than the p75 means inconsistent performance.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> GetProfile(
        SentryToolContext context,
        [Description("A Sentry profiling URL; organization and project are taken from it. transactionName is still needed unless the URL has ?transaction=.")] string? profileUrl = null,
        [Description("The organization's slug. find_organizations lists them.")] string? organizationSlug = null,
        [Description("The organization's region URL from find_organizations, e.g. https://us.sentry.io. Optional.")] string? regionUrl = null,
        [Description("Project slug or numeric ID. find_projects lists them.")] string? projectSlugOrId = null,
        [Description("The exact transaction name, e.g. '/api/users' or 'POST /graphql'.")] string? transactionName = null,
        [Description("Time window to analyze, e.g. '1h', '24h', '7d' (default), '2w'.")] string period = "7d",
        [Description("A baseline window to compare against, e.g. '14d'; enables regression detection.")] string? compareAgainstPeriod = null,
        [Description("Show only user code (default true); false includes library frames.")] bool focusOnUserCode = true,
        [Description("Number of hot paths to show (1-20, default 10).")][Range(1, 20)] int maxHotPaths = 10,
        CancellationToken cancellationToken = default)
    {
        string? org = organizationSlug?.Trim(), project = projectSlugOrId?.Trim(), transaction = transactionName?.Trim();
        if (!string.IsNullOrWhiteSpace(profileUrl))
        {
            var url = ProfileUrls.Parse(profileUrl, context.Host);
            org = string.IsNullOrEmpty(org) ? url.OrganizationSlug : org;
            project = string.IsNullOrEmpty(project) ? url.Project : project;
            transaction = string.IsNullOrEmpty(transaction) ? url.Transaction : transaction;
        }
        org = SentryToolContext.Require(org, "organizationSlug");
        if (string.IsNullOrEmpty(project))
        {
            throw new UserInputException("projectSlugOrId is required (or a profile URL that names the project); find_projects lists them.");
        }
        if (string.IsNullOrEmpty(transaction))
        {
            throw new UserInputException("transactionName is required: the exact transaction to analyze, e.g. 'POST /api/orders/'. search_events(dataset='spans', query='is_transaction:true') lists them.");
        }
        var window = ValidPeriod(period, nameof(period))!;
        var baselineWindow = ValidPeriod(compareAgainstPeriod, nameof(compareAgainstPeriod));
        if (maxHotPaths is < 1 or > 20)
        {
            throw new UserInputException($"maxHotPaths must be between 1 and 20 (got {maxHotPaths}).");
        }

        string projectId;
        try
        {
            projectId = await context.Api.ResolveProjectIdAsync(org, project, regionUrl, cancellationToken).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new UserInputException($"No project '{project}' was found in organization '{org}' (HTTP 404). find_projects(organizationSlug='{org}') lists them.");
        }
        var currentTask = context.Api.GetFlamegraphAsync(org, projectId, transaction, window, regionUrl, cancellationToken);
        var baselineTask = baselineWindow is null ? null
            : context.Api.GetFlamegraphAsync(org, projectId, transaction, baselineWindow, regionUrl, cancellationToken);
        var current = await currentTask.ConfigureAwait(false);
        var baseline = baselineTask is null ? null : await baselineTask.ConfigureAwait(false);
        return ProfileReport.Build(org, project, transaction, window, baselineWindow, current, baseline, focusOnUserCode, maxHotPaths);
    }

    private static string? ValidPeriod(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }
        var trimmed = value.Trim();
        if (!PeriodPattern().IsMatch(trimmed))
        {
            throw new UserInputException($"Invalid {name} '{Markdown.Truncate(value, 30)}'. Use a number and h, d or w, e.g. '24h', '7d' or '2w'.");
        }
        return trimmed;
    }

    [GeneratedRegex("^[0-9]{1,4}[hdw]$")]
    private static partial Regex PeriodPattern();
}

/// <summary>What a profiling URL names: organization, project, and when present a profile, profiler session or transaction.</summary>
internal sealed record ProfileUrl(string OrganizationSlug, string? Project, string? ProfileId, string? ProfilerId, string? Start, string? End, string? Transaction);

internal static class ProfileUrls
{
    private const string Example = "https://my-org.sentry.io/explore/profiling/profile/backend/cfe78a5c892d4a64a962d837673398d2/flamegraph/";

    /// <summary><c>…/profiling/profile/{project}/{profileId}/flamegraph/</c>, <c>…/profiling/profile/{project}/flamegraph/?profilerId=…</c>, <c>…/profiling/summary/{project}/?transaction=…</c>.</summary>
    public static ProfileUrl Parse(string url, SentryHost host)
    {
        var parsed = SentryWebUrl.Parse(url, host, Example);
        if (parsed.OrganizationSlug is not { } org || !parsed.Segments.Contains("profiling"))
        {
            throw new UserInputException($"'{Markdown.Truncate(url, 100)}' is not a Sentry profiling URL. Expected e.g. {Example}.");
        }
        var project = parsed.After("profile") ?? parsed.After("summary");
        var next = parsed.After(project ?? "\0");
        var profileId = next is not null && next != "flamegraph" && parsed.After("profile") == project ? next : null;
        return new ProfileUrl(org, project, profileId, parsed.Query("profilerId"), parsed.Query("start"), parsed.Query("end"), parsed.Query("transaction"));
    }
}
