using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

/// <summary>Progress of Sentry's agentic onboarding (the UI that follows an agent setting up a project).</summary>
public sealed partial class SentryApiClient
{
    public Task<OnboardingRun> UpdateOnboardingStatusAsync(string organizationSlug, OnboardingStatusUpdate update, string? regionUrl, CancellationToken ct) =>
        SendJsonAsync<OnboardingRun>(HttpMethod.Post, ApiPath.Of("organizations", organizationSlug, "onboarding", "agent", "status"), update, regionUrl, ct);
}
