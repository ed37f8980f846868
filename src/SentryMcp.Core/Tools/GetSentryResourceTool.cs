using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetSentryResourceTool
{
    private static readonly string[] ResourceTypes = ["issue", "event", "trace", "replay", "monitor", "snapshot", "ai_conversation"];

    [McpServerTool(Name = "get_sentry_resource", Title = "Get Sentry resource", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Fetch a Sentry resource from its URL, or by resourceType plus resourceId. Pass a Sentry URL when you have one: the resource type is detected from it.\n\nSupports issues, events, traces, replays, cron monitors, preprod snapshots and AI conversations. Trace lookups return a condensed overview.\n\n<examples>\nget_sentry_resource(url='https://my-org.sentry.io/issues/PROJECT-123/')\nget_sentry_resource(url='https://my-org.sentry.io/explore/traces/trace/a4d1aae7216b47ff8117cf4e09ce9d0a/')\nget_sentry_resource(url='https://my-org.sentry.io/explore/replays/7e07485f12f9416b8c4b2d3a1e6f9c01/')\nget_sentry_resource(resourceType='monitor', organizationSlug='my-org', resourceId='nightly-billing')\n</examples>")]
    [SentryTool(PermissionGroup.Read, "event:read", "project:read", Skills = [Skill.Inspect, Skill.Triage, Skill.Seer])]
    public static async Task<CallToolResult> GetSentryResource(
        SentryToolContext context,
        McpServer server,
        [Description("A Sentry web URL of an issue, event, trace, replay, cron monitor, preprod snapshot or AI conversation. The resource type is detected from it.")] string? url = null,
        [Description("The resource type when no URL is given.")][System.ComponentModel.DataAnnotations.AllowedValues("issue", "event", "trace", "replay", "monitor", "snapshot", "ai_conversation")] string? resourceType = null,
        [Description("The resource's identifier when no URL is given: issue short ID (e.g. 'PROJECT-123'), event ID, trace ID, replay ID, monitor slug, snapshot ID or AI conversation ID.")] string? resourceId = null,
        [Description("The organization's slug. Required when no URL is given.")] string? organizationSlug = null,
        CancellationToken cancellationToken = default)
    {
        var resource = Resolve(url, resourceType, resourceId, organizationSlug, context.Host);
        var org = resource.OrganizationSlug;
        return resource.Kind switch
        {
            SentryResourceKind.Trace => ToolResults.Text(await GetTraceDetailsTool.RenderAsync(context, org, resource.TraceId, regionUrl: null, cancellationToken).ConfigureAwait(false)),
            SentryResourceKind.Replay => await GetReplayDetailsTool.RenderAsync(context, org, resource.ResourceId!, regionUrl: null, cancellationToken).ConfigureAwait(false),
            SentryResourceKind.Monitor => await GetMonitorDetailsTool.RenderAsync(context, org, resource.ProjectSlug, resource.ResourceId!, regionUrl: null, cancellationToken).ConfigureAwait(false),
            SentryResourceKind.Snapshot => await GetSnapshotTool.RenderAsync(context, org, resource.ResourceId!, regionUrl: null, cancellationToken).ConfigureAwait(false),
            SentryResourceKind.AiConversation => await GetAiConversationDetailsTool.RenderAsync(context, org, resource.ResourceId!, regionUrl: null, cancellationToken).ConfigureAwait(false),
            _ => ToolResults.Text(await GetIssueDetailsTool.RenderAsync(context, org, regionUrl: null, resource.IssueId, resource.EventId, issueUrl: null, cancellationToken, SessionTools.Of(server)).ConfigureAwait(false)),
        };
    }

    private static SentryResource Resolve(string? url, string? resourceType, string? resourceId, string? organizationSlug, SentryHost host)
    {
        if (!string.IsNullOrWhiteSpace(url))
        {
            var parsed = SentryUrl.Parse(url, host);
            if (!string.IsNullOrWhiteSpace(organizationSlug) && !string.Equals(parsed.OrganizationSlug, organizationSlug.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                throw new UserInputException($"The URL belongs to organization '{parsed.OrganizationSlug}', not '{organizationSlug.Trim()}'. Use a URL of '{organizationSlug.Trim()}' or leave organizationSlug out.");
            }
            if (!string.IsNullOrWhiteSpace(resourceType) && !string.Equals(resourceType.Trim(), TypeName(parsed.Kind), StringComparison.OrdinalIgnoreCase))
            {
                var name = TypeName(parsed.Kind);
                throw new UserInputException($"The URL is a{("aeiou".Contains(name[0], StringComparison.Ordinal) ? "n" : "")} {name} URL, but resourceType is '{resourceType}'. Leave resourceType out when passing a URL.");
            }
            return parsed;
        }
        if (string.IsNullOrWhiteSpace(resourceType))
        {
            throw new UserInputException("Pass either url (a Sentry URL), or resourceType with resourceId and organizationSlug.");
        }
        var type = resourceType.Trim().ToLowerInvariant();
        if (!ResourceTypes.Contains(type))
        {
            throw new UserInputException($"Unknown resourceType '{resourceType}'. Supported types: {string.Join(", ", ResourceTypes)}.");
        }
        var org = SentryToolContext.Require(organizationSlug, "organizationSlug");
        var id = SentryToolContext.Require(resourceId, "resourceId");
        return type switch
        {
            "issue" => new SentryResource(SentryResourceKind.Issue, org, IssueId: id.ToUpperInvariant()),
            "event" => new SentryResource(SentryResourceKind.Event, org, EventId: id),
            "trace" => new SentryResource(SentryResourceKind.Trace, org, TraceId: id),
            "replay" => new SentryResource(SentryResourceKind.Replay, org, ResourceId: id),
            "monitor" => new SentryResource(SentryResourceKind.Monitor, org, ResourceId: id),
            "snapshot" => new SentryResource(SentryResourceKind.Snapshot, org, ResourceId: id),
            _ => new SentryResource(SentryResourceKind.AiConversation, org, ResourceId: id),
        };
    }

    private static string TypeName(SentryResourceKind kind) => kind == SentryResourceKind.AiConversation ? "ai_conversation" : kind.ToString().ToLowerInvariant();
}
