namespace SentryMcp.Sandbox;

/// <summary>One recorded progress update, as the agent sent it.</summary>
public sealed record SandboxOnboardingUpdate(string Stage, string Status, string? RunStatus, string? EventNote, IReadOnlyList<string> ProjectSlugs, IReadOnlyList<string> IssueIds, DateTimeOffset At);

/// <summary>An agentic onboarding run: Sentry's UI shows its stages while an agent sets up a project.</summary>
public sealed class SandboxOnboardingRun
{
    public required string Token { get; init; }
    public required string OrganizationSlug { get; init; }
    public required string RunId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset ExpiresAt => CreatedAt.AddDays(1);
    public string RunStatus { get; set; } = "active";
    public List<string> ProjectSlugs { get; } = [];
    public List<string> IssueIds { get; } = [];

    /// <summary>Stage → (status, note), in the order stages first reported.</summary>
    public List<(string Stage, string Status, string? Note)> Stages { get; } = [];
    public List<SandboxOnboardingUpdate> Updates { get; } = [];
    public bool AcceptsUpdates => RunStatus == "active";
}

public sealed partial class DemoData
{
    public static readonly string[] OnboardingStages =
    [
        "connect_mcp", "analyze_project", "create_project", "instrument_app", "plan_test_error",
        "send_verification_error", "receive_verification_error", "prepare_production", "check_stack_trace_quality",
    ];

    /// <summary>Statuses an agent may send; Sentry itself also derives "bypassed" for skipped-over stages.</summary>
    public static readonly string[] OnboardingStatuses = ["active", "waiting", "completed", "skipped", "failed"];

    private List<SandboxOnboardingRun>? _onboardingRuns;

    /// <summary>Seeded on first use with fixed tokens, like the dashboards.</summary>
    public List<SandboxOnboardingRun> OnboardingRuns => _onboardingRuns ??= SeedOnboardingRuns();

    private List<SandboxOnboardingRun> SeedOnboardingRuns()
    {
        var active = new SandboxOnboardingRun { Token = DemoIds.OnboardingRunToken, OrganizationSlug = OrganizationSlug, RunId = "2d27f6654b754dcaa2d26af18274d142", CreatedAt = Now.AddMinutes(-20), UpdatedAt = Now.AddMinutes(-20) };
        var finished = new SandboxOnboardingRun { Token = DemoIds.FinishedOnboardingRunToken, OrganizationSlug = OrganizationSlug, RunId = "7f3e2d1c0b9a48879695a4b3c2d1e0f9", CreatedAt = Now.AddHours(-5), UpdatedAt = Now.AddHours(-4), RunStatus = "completed" };
        foreach (var stage in OnboardingStages)
        {
            finished.Stages.Add((stage, "completed", null));
        }
        finished.ProjectSlugs.Add("web-frontend");
        return [active, finished];
    }
}
