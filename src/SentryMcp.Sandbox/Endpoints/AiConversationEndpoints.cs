using System.Globalization;

namespace SentryMcp.Sandbox;

/// <summary>
/// Sentry's AI Conversations: one summary row per <c>gen_ai.conversation.id</c> and the spans of one
/// conversation, both derived from the stored gen_ai spans and filtered like Sentry (project ids,
/// environment, a relative period or an explicit start/end).
/// </summary>
public static class AiConversationEndpoints
{
    private const int MaxSpansPerPage = 1000;

    public static void MapAiConversationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/ai-conversations/", (HttpContext http, SandboxState state, string org, string? query) =>
        {
            lock (state.Gate)
            {
                var (spans, error) = Filter(http, state.Data, org);
                if (error is not null)
                {
                    return error;
                }
                var terms = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var rows = spans!.GroupBy(s => s.ConversationId)
                    .Select(g => AiConversationShapes.Summary(state.Data, g.Key, [.. g.OrderBy(s => s.Start)]))
                    .Where(row => terms.All(t => AiConversationShapes.SearchText(row).Contains(t, StringComparison.OrdinalIgnoreCase)))
                    .OrderByDescending(row => (long)row["startTimestamp"]!)
                    .ToList();
                return Paging.Page(http, rows);
            }
        }).RequireScope("event:read", "org:read");

        api.MapGet("/organizations/{org}/ai-conversations/{conversationId}/", (HttpContext http, SandboxState state, string org, string conversationId) =>
        {
            lock (state.Gate)
            {
                var (spans, error) = Filter(http, state.Data, org);
                if (error is not null)
                {
                    return error;
                }
                var q = http.Request.Query;
                if (!int.TryParse(q["per_page"].FirstOrDefault() ?? "100", NumberStyles.Integer, CultureInfo.InvariantCulture, out var perPage) || perPage is < 1 or > MaxSpansPerPage)
                {
                    return SentryErrors.BadRequest($"Invalid per_page value: must be between 1 and {MaxSpansPerPage}.");
                }
                var offset = 0;
                if (q["cursor"].FirstOrDefault() is { Length: > 0 } cursor
                    && (cursor.Split(':') is not [_, var o, _] || !int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
                {
                    return SentryErrors.BadRequest("Invalid cursor parameter.");
                }
                var matching = spans!.Where(s => s.ConversationId == conversationId).OrderBy(s => s.Start).ToList();
                var hasNext = offset + perPage < matching.Count;
                var next = $"0:{offset + perPage}:0";
                http.Response.Headers.Link = $"<{http.Request.Path}?cursor={next}>; rel=\"next\"; results=\"{(hasNext ? "true" : "false")}\"; cursor=\"{next}\"";
                // An unknown id is not an error in Sentry: the conversation simply has no spans in the window.
                return Results.Json(new Dictionary<string, object?>
                {
                    ["conversationId"] = conversationId,
                    ["title"] = state.Data.AiConversations.FirstOrDefault(c => c.Id == conversationId && c.OrganizationSlug == org && matching.Count > 0)?.Title,
                    ["spans"] = matching.Skip(offset).Take(perPage).Select(s => AiConversationShapes.Span(state.Data, s)).ToList(),
                });
            }
        }).RequireScope("event:read", "org:read");
    }

    /// <summary>The organization's gen_ai spans inside the requested projects, environments and time window, or a Sentry error.</summary>
    private static (List<SandboxAiSpan>? Spans, IResult? Error) Filter(HttpContext http, DemoData data, string org)
    {
        if (data.Organization(org) is null)
        {
            return (null, SentryErrors.NotFound());
        }
        var q = http.Request.Query;
        var projectSlugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in q["project"].Where(p => !string.IsNullOrEmpty(p) && p != "-1"))
        {
            if (data.Projects.FirstOrDefault(p => p.OrganizationSlug == org && p.Id == id) is not { } project)
            {
                return (null, SentryErrors.BadRequest($"Invalid project parameter. Values must be numbers of projects in this organization: {id}"));
            }
            projectSlugs.Add(project.Slug);
        }
        var environments = q["environment"].Where(e => !string.IsNullOrEmpty(e)).ToHashSet(StringComparer.Ordinal);
        DateTimeOffset from, to;
        var (start, end) = (q["start"].FirstOrDefault(), q["end"].FirstOrDefault());
        if (start is not null || end is not null)
        {
            if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out from)
                || !DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out to) || to < from)
            {
                return (null, SentryErrors.BadRequest("start and end must both be ISO 8601 timestamps, with start before end."));
            }
        }
        else
        {
            var period = q["statsPeriod"].FirstOrDefault() ?? "30d";
            if (SandboxRequests.ParsePeriod(period) is not { } window)
            {
                return (null, SentryErrors.BadRequest($"Invalid statsPeriod: {period}"));
            }
            (from, to) = (data.Now - window, data.Now.AddMinutes(5));
        }
        var orgProjects = data.Projects.Where(p => p.OrganizationSlug == org).Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        var conversationIds = data.AiConversations.Where(c => c.OrganizationSlug == org).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return ([.. data.AiSpans.Where(s => conversationIds.Contains(s.ConversationId) && orgProjects.Contains(s.ProjectSlug)
            && (projectSlugs.Count == 0 || projectSlugs.Contains(s.ProjectSlug))
            && (environments.Count == 0 || environments.Contains(s.Environment))
            && s.Finish >= from && s.Start <= to)], null);
    }
}
