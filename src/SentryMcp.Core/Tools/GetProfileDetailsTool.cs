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
public sealed class GetProfileDetailsTool
{
    private const int MaxFrames = 15;

    [McpServerTool(Name = "get_profile_details", Title = "Get profile details", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ProfileDetailsOutput))]
    [Description("Inspect one Sentry profile: a transaction profile by ID, or a continuous-profiling session by profiler ID and time range. Gives the transaction, trace, release and runtime, the sample structure (samples, stacks, frames, threads) and the top frames by how often they were sampled.\n\nUse this tool when you need to:\n- Read a transaction profile URL or ID the user shares\n- See where one specific request spent its time\n- Inspect a continuous profiler session for a time range\n\n<examples>\nget_profile_details(organizationSlug='my-org', projectSlugOrId='backend', profileId='cfe78a5c892d4a64a962d837673398d2')\nget_profile_details(profileUrl='https://my-org.sentry.io/explore/profiling/profile/backend/cfe78a5c892d4a64a962d837673398d2/flamegraph/')\nget_profile_details(organizationSlug='my-org', projectSlugOrId='backend', profilerId='041bde57b9844e36b8b7e5734efae5f7', start='2024-01-01T00:00:00Z', end='2024-01-01T01:00:00Z')\n</examples>\n\n<hints>\n- For a transaction over many requests, get_profile aggregates all its profiles.\n- Span details (get_span_details) name the profile of a profiled transaction.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> GetProfileDetails(
        SentryToolContext context,
        [Description("A transaction profile or continuous profile URL; organization, project and IDs are taken from it.")] string? profileUrl = null,
        [Description("The organization's slug. find_organizations lists them.")] string? organizationSlug = null,
        [Description("The organization's region URL from find_organizations, e.g. https://us.sentry.io. Optional.")] string? regionUrl = null,
        [Description("Project slug or numeric ID. find_projects lists them.")] string? projectSlugOrId = null,
        [Description("A transaction profile ID (32 hexadecimal characters).")] string? profileId = null,
        [Description("A continuous profiler session ID; needs start and end.")] string? profilerId = null,
        [Description("Continuous profile start, ISO 8601, e.g. '2024-01-01T00:00:00Z'.")] string? start = null,
        [Description("Continuous profile end, ISO 8601, e.g. '2024-01-01T01:00:00Z'.")] string? end = null,
        [Description("Show only user-code frames in the top frames (default true).")] bool focusOnUserCode = true,
        CancellationToken cancellationToken = default)
    {
        string? org = organizationSlug?.Trim(), project = projectSlugOrId?.Trim(), profile = profileId?.Trim(), profiler = profilerId?.Trim(), from = start?.Trim(), to = end?.Trim();
        if (!string.IsNullOrWhiteSpace(profileUrl))
        {
            var url = ProfileUrls.Parse(profileUrl, context.Host);
            org = string.IsNullOrEmpty(org) ? url.OrganizationSlug : org;
            project = string.IsNullOrEmpty(project) ? url.Project : project;
            profile = string.IsNullOrEmpty(profile) ? url.ProfileId : profile;
            profiler = string.IsNullOrEmpty(profiler) ? url.ProfilerId : profiler;
            from = string.IsNullOrEmpty(from) ? url.Start : from;
            to = string.IsNullOrEmpty(to) ? url.End : to;
        }
        org = SentryToolContext.Require(org, "organizationSlug");
        if (string.IsNullOrEmpty(project))
        {
            throw new UserInputException("projectSlugOrId is required (or a profile URL that names the project); find_projects lists them.");
        }
        if (!string.IsNullOrEmpty(profile))
        {
            return await TransactionProfileAsync(context, org, project, HexId(profile, "profileId"), focusOnUserCode, regionUrl, cancellationToken).ConfigureAwait(false);
        }
        if (string.IsNullOrEmpty(profiler))
        {
            throw new UserInputException("Pass profileId for a transaction profile, or profilerId with start and end for a continuous profile (or a profile URL).");
        }
        return await ContinuousProfileAsync(context, org, project, HexId(profiler, "profilerId"), Timestamp(from, "start"), Timestamp(to, "end"), focusOnUserCode, regionUrl, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<CallToolResult> TransactionProfileAsync(SentryToolContext context, string org, string project, string profileId, bool focus, string? regionUrl, CancellationToken ct)
    {
        ProfileDocument document;
        try
        {
            document = await context.Api.GetTransactionProfileAsync(org, project, profileId, regionUrl, ct).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new UserInputException($"No profile {profileId} was found in project '{project}' of organization '{org}' (HTTP 404). get_profile(organizationSlug='{org}', projectSlugOrId='{project}', transactionName='<transaction>') lists profile IDs of a transaction.");
        }
        var tx = document.Transaction;
        var duration = tx?.RelativeEndNs is { } e ? (e - (tx.RelativeStartNs ?? 0)) / 1_000_000 : (double?)null;
        var url = $"{context.Host.OrganizationUrl(org)}explore/profiling/profile/{Uri.EscapeDataString(project)}/{profileId}/flamegraph/";
        return Render(org, project, "transaction", profileId, null, document, duration, url, focus);
    }

    private static async Task<CallToolResult> ContinuousProfileAsync(SentryToolContext context, string org, string project, string profilerId, DateTimeOffset from, DateTimeOffset to, bool focus, string? regionUrl, CancellationToken ct)
    {
        if (to <= from)
        {
            throw new UserInputException("end must be after start.");
        }
        string projectId;
        ProfileDocument? chunk;
        var startText = from.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var endText = to.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        try
        {
            projectId = await context.Api.ResolveProjectIdAsync(org, project, regionUrl, ct).ConfigureAwait(false);
            chunk = await context.Api.GetProfileChunkAsync(org, projectId, profilerId, startText, endText, regionUrl, ct).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            chunk = null;
        }
        if (chunk?.Profile is null)
        {
            throw new UserInputException($"No continuous profile of profiler {profilerId} was found in project '{project}' between {startText} and {endText}. Check the profiler ID and widen the time range.");
        }
        var url = $"{context.Host.OrganizationUrl(org)}explore/profiling/profile/{Uri.EscapeDataString(project)}/flamegraph/?profilerId={profilerId}&start={Uri.EscapeDataString(startText)}&end={Uri.EscapeDataString(endText)}";
        return Render(org, project, "continuous", null, profilerId, chunk, (to - from).TotalMilliseconds, url, focus);
    }

    private static CallToolResult Render(string org, string project, string kind, string? profileId, string? profilerId, ProfileDocument document, double? durationMs, string url, bool focus)
    {
        var profile = document.Profile ?? new SampledProfile(null, null, null, null);
        var frames = profile.Frames ?? [];
        var stacks = profile.Stacks ?? [];
        var samples = profile.Samples ?? [];
        var self = new long[frames.Count];
        var inclusive = new long[frames.Count];
        foreach (var sample in samples)
        {
            if (sample.StackId is not { } id || stacks.ElementAtOrDefault(id) is not { Count: > 0 } stack)
            {
                continue;
            }
            // Sample format stacks list the leaf first.
            if (stack[0] >= 0 && stack[0] < frames.Count)
            {
                self[stack[0]]++;
            }
            foreach (var frame in stack.Distinct().Where(f => f >= 0 && f < frames.Count))
            {
                inclusive[frame]++;
            }
        }
        var total = Math.Max(1, samples.Count);
        var top = frames.Select((f, i) => new ProfileFrameOutput(FrameName(f), f.Filename, f.InApp == true, self[i], inclusive[i], Math.Round(inclusive[i] * 100.0 / total, 1)))
            .Where(f => f.Samples > 0 && (!focus || f.IsApplication))
            .OrderByDescending(f => f.Samples).ThenByDescending(f => f.SelfSamples).Take(MaxFrames).ToList();
        var threads = samples.GroupBy(s => s.ThreadId?.ToString() ?? "?")
            .Select(g => new ProfileThreadOutput(g.Key, profile.ThreadMetadata?.GetValueOrDefault(g.Key)?.Name, g.Count())).OrderByDescending(t => t.Samples).ToList();
        var data = new ProfileDetailsOutput(kind, profileId, profilerId, project, document.Transaction?.Name, document.Transaction?.TraceId, document.ReleaseVersion,
            document.Platform, document.Environment, durationMs, samples.Count, stacks.Count, frames.Count, threads, top, url);

        var md = new Markdown().Title(kind == "transaction" ? $"Profile {Markdown.Code(profileId)} in **{org}/{project}**" : $"Continuous profile of profiler {Markdown.Code(profilerId)} in **{org}/{project}**")
            .Heading("Summary")
            .Field("Transaction", data.Transaction)
            .Field("Trace", data.TraceId is null ? null : Markdown.Code(data.TraceId))
            .Field("Release", data.Release)
            .Field("Environment", data.Environment)
            .Field("Platform", data.Platform)
            .Field("Runtime", Join(document.Runtime))
            .Field("OS", Join(document.Os))
            .Field("SDK", Join(document.ClientSdk))
            .Field(kind == "transaction" ? "Duration" : "Time Range", durationMs is { } d ? ProfileReport.Ms(d) : null)
            .Field("Samples", samples.Count.ToString("#,0", CultureInfo.InvariantCulture))
            .Field("Stacks", stacks.Count.ToString(CultureInfo.InvariantCulture))
            .Field("Frames", frames.Count.ToString(CultureInfo.InvariantCulture))
            .Field("Threads", string.Join(", ", threads.Select(t => $"{t.Name ?? t.Id} ({t.Samples} samples)")))
            .Field("Sentry URL", url)
            .Line()
            .Heading(focus ? "Top Frames (user code)" : "Top Frames")
            .Line("| Function | File | On stack | Self | Share |")
            .Line("|---|---|---:|---:|---:|");
        foreach (var f in top)
        {
            md.Line($"| {Markdown.Code(f.Function)} | {f.File} | {f.Samples} | {f.SelfSamples} | {f.PercentOfSamples.ToString("0.#", CultureInfo.InvariantCulture)}% |");
        }
        if (top.Count == 0)
        {
            md.Line().Paragraph(focus ? "No user-code frames were sampled; call again with focusOnUserCode=false to see library frames." : "No frames were sampled.");
        }
        var hints = new List<string> { "\"On stack\" counts samples with the function anywhere in the stack; \"Self\" only those where it was running itself." };
        if (data.TraceId is { } trace)
        {
            hints.Add($"The request around it: `get_trace_details(organizationSlug='{org}', traceId='{trace}')`.");
        }
        if (data.Transaction is { } transaction)
        {
            hints.Add($"All profiles of this transaction: `get_profile(organizationSlug='{org}', projectSlugOrId='{project}', transactionName='{transaction}')`.");
        }
        return ToolResults.Structured(md.Line().UsingThisInformation([.. hints]).ToString(), data);
    }

    private static string FrameName(SampledFrame frame) =>
        frame.Module is { Length: > 0 } module && frame.Function is { } function && !function.Contains('.', StringComparison.Ordinal) ? $"{module}.{function}" : frame.Function ?? "unknown";

    private static string? Join(NameVersion? value) =>
        value is null ? null : string.Join(' ', new[] { value.Name, value.Version }.Where(v => !string.IsNullOrWhiteSpace(v))) is { Length: > 0 } text ? text : null;

    private static string HexId(string value, string name)
    {
        var id = value.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return id.Length == 32 && id.All(char.IsAsciiHexDigit)
            ? id
            : throw new UserInputException($"'{Markdown.Truncate(value, 40)}' is not a valid {name}: 32 hexadecimal characters, e.g. 'cfe78a5c892d4a64a962d837673398d2'.");
    }

    private static DateTimeOffset Timestamp(string? value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new UserInputException($"A continuous profile needs {name} (ISO 8601, e.g. '2024-01-01T00:00:00Z') beside profilerId.")
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : throw new UserInputException($"Invalid {name} '{Markdown.Truncate(value, 40)}': use ISO 8601, e.g. '2024-01-01T00:00:00Z'.");
}
