using System.ComponentModel;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetSentryResourceTool
{
    private static readonly string[] ResourceTypes = ["issue", "event", "trace"];

    [McpServerTool(Name = "get_sentry_resource", Title = "Get Sentry resource", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Fetch a Sentry resource from its URL, or by resourceType plus resourceId. Pass a Sentry URL when you have one: the resource type is detected from it.\n\nSupports issues, events and traces. Trace lookups return a condensed overview.\n\n<examples>\nget_sentry_resource(url='https://my-org.sentry.io/issues/PROJECT-123/')\nget_sentry_resource(url='https://my-org.sentry.io/explore/traces/trace/a4d1aae7216b47ff8117cf4e09ce9d0a/')\nget_sentry_resource(resourceType='trace', organizationSlug='my-org', resourceId='a4d1aae7216b47ff8117cf4e09ce9d0a')\n</examples>")]
    [SentryTool(PermissionGroup.Read, "event:read", "project:read")]
    public static async Task<string> GetSentryResource(
        SentryToolContext context,
        [Description("A Sentry web URL of an issue, event or trace. The resource type is detected from it.")] string? url = null,
        [Description("The resource type when no URL is given: 'issue', 'event' or 'trace'.")] string? resourceType = null,
        [Description("The resource's identifier when no URL is given: issue short ID (e.g. 'PROJECT-123'), event ID or trace ID.")] string? resourceId = null,
        [Description("The organization's slug. Required when no URL is given.")] string? organizationSlug = null,
        CancellationToken cancellationToken = default)
    {
        var resource = Resolve(url, resourceType, resourceId, organizationSlug, context.Host);
        switch (resource.Kind)
        {
            case SentryResourceKind.Trace:
                return await GetTraceDetailsTool.RenderAsync(context, resource.OrganizationSlug, resource.TraceId, regionUrl: null, cancellationToken).ConfigureAwait(false);
            default:
                // Issues and events are rendered by get_issue_details, which lives in its own tool file;
                // until its renderer is callable from here, this names the exact call that shows them.
                return Handoff(resource, context.Host);
        }
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
            if (!string.IsNullOrWhiteSpace(resourceType) && !string.Equals(resourceType.Trim(), parsed.Kind.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                throw new UserInputException($"The URL is a{(parsed.Kind == SentryResourceKind.Issue ? "n" : "")} {parsed.Kind.ToString().ToLowerInvariant()} URL, but resourceType is '{resourceType}'. Leave resourceType out when passing a URL.");
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
            _ => new SentryResource(SentryResourceKind.Trace, org, TraceId: id),
        };
    }

    private static string Handoff(SentryResource resource, SentryHost host)
    {
        var org = resource.OrganizationSlug;
        var arguments = new List<string> { $"organizationSlug='{org}'" };
        if (resource.IssueId is not null)
        {
            arguments.Add($"issueId='{resource.IssueId}'");
        }
        if (resource.EventId is not null)
        {
            arguments.Add($"eventId='{resource.EventId}'");
        }
        var call = $"get_issue_details({string.Join(", ", arguments)})";
        var kind = resource.Kind == SentryResourceKind.Issue ? "Issue" : "Event";
        var md = new Markdown().Title($"{kind} {resource.IssueId ?? resource.EventId} in **{org}**")
            .Field("Organization", org)
            .Field("Issue", resource.IssueId)
            .Field("Event", resource.EventId)
            .Field("Project", resource.ProjectSlug)
            .Field("Sentry URL", resource.IssueId is null ? null : host.IssueUrl(org, resource.IssueId))
            .Line()
            .Paragraph($"{kind} details (stack trace, tags, context) come from `get_issue_details`. Call it next:")
            .CodeBlock(call);
        return md.UsingThisInformation(
            $"Run `{call}` to see the {kind.ToLowerInvariant()}.",
            "For a root cause and a proposed fix, use `analyze_issue_with_seer` with the same issue.").ToString();
    }
}
