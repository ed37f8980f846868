using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

public sealed partial class SentryApiClient
{
    public Task<AutofixState> GetAutofixStateAsync(string organizationSlug, string issueId, string? regionUrl, CancellationToken ct) =>
        GetAsync<AutofixState>(ApiPath.Of("organizations", organizationSlug, "issues", issueId, "autofix"), regionUrl, ct);

    /// <summary>Starts a Seer run. A POST: never retried by the client, so a run is not started twice.</summary>
    public Task<AutofixStarted> StartAutofixAsync(string organizationSlug, string issueId, string? eventId, string? instruction, string? regionUrl, CancellationToken ct)
    {
        var body = new Dictionary<string, string> { ["instruction"] = instruction ?? string.Empty };
        if (!string.IsNullOrWhiteSpace(eventId))
        {
            body["event_id"] = eventId;
        }
        return SendJsonAsync<AutofixStarted>(HttpMethod.Post, ApiPath.Of("organizations", organizationSlug, "issues", issueId, "autofix"), body, regionUrl, ct);
    }
}
