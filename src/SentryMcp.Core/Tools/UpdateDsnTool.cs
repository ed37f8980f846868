using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed partial class UpdateDsnTool
{
    private const int MaxRateLimitWindow = 60 * 60 * 24;

    // Destructive: a deactivated key or a tight rate limit makes Sentry drop the events sent with it.
    [McpServerTool(Name = "update_dsn", Title = "Update DSN", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Update the settings of an existing DSN (client key) of a project: name, active status, rate limit and JavaScript Loader Script options.\n\nUse this tool when you need to:\n- Deactivate or reactivate a DSN\n- Set or remove a DSN's rate limit ('at most 1000 errors per hour on DSN X')\n- Rename a DSN ('rename DSN X to Production')\n- Configure the JavaScript Loader Script (Session Replay, performance, debug, feedback, logs and metrics)\n\nBe careful when using this tool!\n\n<examples>\nupdate_dsn(organizationSlug='my-organization', projectSlug='my-project', keyId='d20df0a1ab5031c7f3c7edca9c02814d', name='Production Key', rateLimitWindow=3600, rateLimitCount=500)\nupdate_dsn(organizationSlug='my-organization', projectSlug='my-project', keyId='d20df0a1ab5031c7f3c7edca9c02814d', isActive=false)\nupdate_dsn(organizationSlug='my-organization', projectSlug='my-project', keyId='d20df0a1ab5031c7f3c7edca9c02814d', disableRateLimit=true)\n</examples>\n\n<hints>\n- find_dsns lists a project's DSNs with their IDs (keyId).\n- rateLimitWindow (seconds) and rateLimitCount (errors) go together; a zero in either removes the limit.\n</hints>")]
    [SentryTool(PermissionGroup.ProjectManagement, "project:write", Skills = [Skill.ProjectManagement])]
    public static async Task<string> UpdateDsn(
        SentryToolContext context,
        RequestContext<CallToolRequestParams> request,
        IOptions<ConfirmationOptions> confirmation,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The project's slug. find_projects lists the projects of an organization.")] string projectSlug,
        [Description("The ID of the DSN (client key) to update; find_dsns lists them.")] string keyId,
        [Description("The new name of the DSN (at most 64 characters).")] string? name = null,
        [Description("true to activate the DSN, false to deactivate it (Sentry then drops the events sent with it).")] bool? isActive = null,
        [Description("The rate limit's time window in seconds, 0 to 86400; pass rateLimitCount with it.")][Range(0, MaxRateLimitWindow)] int? rateLimitWindow = null,
        [Description("The most errors accepted within the window; pass rateLimitWindow with it.")][Range(0, int.MaxValue)] int? rateLimitCount = null,
        [Description("true removes the rate limit entirely.")] bool? disableRateLimit = null,
        [Description("The Sentry JavaScript SDK version the Loader Script serves, e.g. 'latest' or '9.x'.")] string? browserSdkVersion = null,
        [Description("Session Replay in the JavaScript Loader Script.")] bool? loaderHasReplay = null,
        [Description("Performance monitoring (tracing) in the JavaScript Loader Script.")] bool? loaderHasPerformance = null,
        [Description("Debug bundles and logging in the JavaScript Loader Script.")] bool? loaderHasDebug = null,
        [Description("User Feedback in the JavaScript Loader Script.")] bool? loaderHasFeedback = null,
        [Description("Logs and metrics in the JavaScript Loader Script (needs SDK 10 or later).")] bool? loaderHasLogsAndMetrics = null,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var project = SentryToolContext.Require(projectSlug, nameof(projectSlug));
        var key = SentryToolContext.Require(keyId, nameof(keyId));
        if (!KeyIdPattern().IsMatch(key))
        {
            throw new UserInputException($"'{key}' is not a valid 'keyId': use the ID find_dsns shows for the DSN (letters and digits only).");
        }
        var newName = name is null ? null : ProjectManagementInput.Name(name, nameof(name));
        var version = browserSdkVersion is null ? null : SentryToolContext.Require(browserSdkVersion, nameof(browserSdkVersion));
        var changes = Changes(newName, isActive, rateLimitWindow, rateLimitCount, disableRateLimit, version,
            loaderHasReplay, loaderHasPerformance, loaderHasDebug, loaderHasFeedback, loaderHasLogsAndMetrics);

        if (isActive == false)
        {
            var answer = await UserConfirmation.AskAsync(request, $"Deactivate DSN {key} of project {project} in {org}? Sentry drops every event sent with it until it is reactivated.",
                confirmation.Value.Timeout, cancellationToken).ConfigureAwait(false);
            if (answer is ConfirmationOutcome.Declined or ConfirmationOutcome.Cancelled)
            {
                return UserConfirmation.NotDone(answer, $"deactivate DSN {key}");
            }
        }

        SentryClientKeySettings updated;
        try
        {
            updated = await context.Api.UpdateClientKeyAsync(org, project, key, changes, regionUrl, cancellationToken).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new UserInputException($"No DSN '{key}' in '{org}/{project}'. `find_dsns(organizationSlug='{org}', projectSlug='{project}')` lists its DSNs and their IDs.");
        }
        return Answer(org, project, updated, changes);
    }

    /// <summary>The official tool's rules: something must change, a limit needs both numbers, and setting and removing one contradict.</summary>
    private static ClientKeyChanges Changes(string? name, bool? isActive, int? window, int? count, bool? disable, string? version,
        bool? replay, bool? performance, bool? debug, bool? feedback, bool? logsAndMetrics)
    {
        var loaderGiven = replay is not null || performance is not null || debug is not null || feedback is not null || logsAndMetrics is not null;
        if (name is null && isActive is null && window is null && count is null && disable is null && version is null && !loaderGiven)
        {
            throw new UserInputException("Nothing to update: pass at least one of name, isActive, rateLimitWindow with rateLimitCount, disableRateLimit, browserSdkVersion or a loader option (loaderHasReplay, …).");
        }
        if ((window is null) != (count is null))
        {
            throw new UserInputException("Pass rateLimitWindow and rateLimitCount together to set a rate limit (or disableRateLimit=true to remove it).");
        }
        if (window is < 0 or > MaxRateLimitWindow)
        {
            throw new UserInputException($"The 'rateLimitWindow' parameter is {window}; it must be between 0 and {MaxRateLimitWindow} seconds (one day).");
        }
        if (count is < 0)
        {
            throw new UserInputException($"The 'rateLimitCount' parameter is {count}; it must be 0 or more.");
        }
        if (disable == true && window is not null)
        {
            throw new UserInputException("Either set a rate limit (rateLimitWindow and rateLimitCount) or remove it (disableRateLimit=true), not both.");
        }
        var remove = disable == true || window == 0 || count == 0;
        return new ClientKeyChanges(
            name,
            isActive,
            remove || window is null ? null : new ClientKeyRateLimit(window, count),
            version,
            loaderGiven ? new ClientKeyLoaderOptions(replay, performance, debug, feedback, logsAndMetrics) : null,
            remove);
    }

    private static string Answer(string org, string project, SentryClientKeySettings key, ClientKeyChanges changes)
    {
        var limit = key.RateLimit is { Window: > 0, Count: > 0 } l
            ? $"{l.Count.Value.ToString(CultureInfo.InvariantCulture)} errors per {l.Window.Value.ToString(CultureInfo.InvariantCulture)} seconds"
            : "none";
        var loader = key.DynamicSdkLoaderOptions is { } o
            ? string.Join(", ", new (string Label, bool? On)[] { ("Replay", o.HasReplay), ("Performance", o.HasPerformance), ("Debug", o.HasDebug), ("Feedback", o.HasFeedback), ("Logs & Metrics", o.HasLogsAndMetrics) }
                .Where(p => p.On is not null).Select(p => $"{p.Label} {(p.On == true ? "on" : "off")}"))
            : null;
        var md = new Markdown().Title($"Updated DSN in **{org}/{project}**")
            .Field("ID", key.Id)
            .Field("Name", key.Name)
            .Field("DSN", key.Dsn?.Public)
            .Field("Status", key.IsActive switch { true => "active", false => "inactive (events sent with this DSN are dropped)", null => null })
            .Field("Rate Limit", limit)
            .Field("Browser SDK Version", key.BrowserSdkVersion)
            .Field("Loader Options", string.IsNullOrEmpty(loader) ? null : loader)
            .Heading("Changes");
        if (changes.Name is not null)
        {
            md.Bullet($"Renamed to {Markdown.Code(changes.Name)}");
        }
        if (changes.IsActive is { } active)
        {
            md.Bullet(active ? "Activated" : "Deactivated");
        }
        if (changes.RemoveRateLimit)
        {
            md.Bullet("Rate limit removed");
        }
        else if (changes.RateLimit is { } set)
        {
            md.Bullet($"Rate limit set to {set.Count} errors per {set.Window} seconds");
        }
        if (changes.BrowserSdkVersion is not null)
        {
            md.Bullet($"Loader Script serves SDK {Markdown.Code(changes.BrowserSdkVersion)}");
        }
        if (changes.DynamicSdkLoaderOptions is not null)
        {
            md.Bullet("Loader Script options changed");
        }
        return md.UsingThisInformation(
            "Tell the user the DSN's new settings.",
            "The DSN string itself does not change: SDKs keep using it.",
            $"All DSNs of the project: `find_dsns(organizationSlug='{org}', projectSlug='{project}')`.").ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,64}$")]
    private static partial Regex KeyIdPattern();
}
