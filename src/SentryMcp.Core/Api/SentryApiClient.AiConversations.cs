using System.Globalization;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

public sealed partial class SentryApiClient
{
    /// <summary>The official server reads a conversation in pages of 1000 spans, at most ten of them.</summary>
    private const int ConversationSpansPerPage = 1000;
    private const int MaxConversationPages = 10;

    /// <summary>A time window: a relative period, or an explicit start and end.</summary>
    public sealed record TimeWindow(string? StatsPeriod, string? Start, string? End)
    {
        internal IEnumerable<(string, string?)> Parameters() =>
            Start is not null && End is not null ? [("start", Start), ("end", End)] : [("statsPeriod", StatsPeriod)];
    }

    public Task<(List<AiConversationSummary> Value, string? NextCursor)> SearchAiConversationsAsync(
        string organizationSlug, string? query, IReadOnlyList<string> projectIds, IReadOnlyList<string> environments,
        TimeWindow window, int limit, string? cursor, string? regionUrl, CancellationToken ct)
    {
        var parameters = new List<(string, string?)> { ("query", query) };
        parameters.AddRange(projectIds.Select(p => ("project", (string?)p)));
        parameters.AddRange(environments.Select(e => ("environment", (string?)e)));
        parameters.AddRange(window.Parameters());
        parameters.Add(("per_page", limit.ToString(CultureInfo.InvariantCulture)));
        parameters.Add(("cursor", cursor));
        return GetPageAsync<List<AiConversationSummary>>(
            ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "ai-conversations"), [.. parameters]), regionUrl, ct);
    }

    /// <summary>Every span of one conversation (up to 10,000), following the cursor; the title is the same on every page.</summary>
    public async Task<(string? Title, List<AiConversationSpan> Spans)> GetAiConversationAsync(
        string organizationSlug, string conversationId, string project, TimeWindow window, string? regionUrl, CancellationToken ct)
    {
        string? title = null;
        var spans = new List<AiConversationSpan>();
        string? cursor = null;
        for (var page = 0; page < MaxConversationPages; page++)
        {
            var parameters = new List<(string, string?)> { ("per_page", ConversationSpansPerPage.ToString(CultureInfo.InvariantCulture)), ("project", project) };
            parameters.AddRange(window.Parameters());
            parameters.Add(("cursor", cursor));
            var (details, next) = await GetPageAsync<AiConversationDetailsPage>(
                ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "ai-conversations", conversationId), [.. parameters]), regionUrl, ct).ConfigureAwait(false);
            title = details.Title ?? title;
            spans.AddRange(details.Spans ?? []);
            if (next is null)
            {
                break;
            }
            cursor = next;
        }
        return (title, spans);
    }
}
