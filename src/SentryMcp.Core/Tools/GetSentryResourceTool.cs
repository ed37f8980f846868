using System.ComponentModel;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;

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
        return resource.Kind == SentryResourceKind.Trace
            ? await GetTraceDetailsTool.RenderAsync(context, resource.OrganizationSlug, resource.TraceId, regionUrl: null, cancellationToken).ConfigureAwait(false)
            : await GetIssueDetailsTool.RenderAsync(context, resource.OrganizationSlug, regionUrl: null, resource.IssueId, resource.EventId, issueUrl: null, cancellationToken).ConfigureAwait(false);
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
}
