namespace SentryMcp.Sandbox;

public sealed record SeerRootCause(string OneLineDescription, string[] FiveWhys, string[] ReproductionSteps, string RelevantRepo);

public sealed record SeerSolutionStep(string Title, string Description);

public sealed record SeerSolution(string OneLineSummary, SeerSolutionStep[] Steps);

/// <summary>A Seer (autofix) run on an issue. A started run completes after a few status polls.</summary>
public sealed class SandboxSeerRun
{
    public required long RunId { get; init; }
    public required string IssueId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public string Instruction { get; init; } = "";
    public string Status { get; set; } = "processing";
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Status reads left before the run completes.</summary>
    public int PollsUntilComplete { get; set; }
    public required SeerRootCause RootCause { get; init; }
    public required SeerSolution Solution { get; init; }
}

public sealed partial class DemoData
{
    /// <summary>Status reads a newly started run answers "processing" before it completes.</summary>
    public const int SeerPollsUntilComplete = 3;

    public List<SandboxSeerRun> SeerRuns { get; } = [];

    /// <summary>Status reads a run started from now on takes to complete (tests raise it to keep a run running).</summary>
    public int SeerPollsForNewRuns { get; set; } = SeerPollsUntilComplete;

    private long _nextSeerRunId = 21830;

    /// <summary>The latest run of an issue, as Sentry's autofix endpoint reports only that one.</summary>
    public SandboxSeerRun? LatestSeerRun(string issueId) => SeerRuns.LastOrDefault(r => r.IssueId == issueId);

    public SandboxSeerRun StartSeerRun(SandboxIssue issue, string instruction)
    {
        var (rootCause, solution) = AnalysisFor(issue);
        var run = new SandboxSeerRun
        {
            RunId = ++_nextSeerRunId, IssueId = issue.Id, StartedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            Instruction = instruction, PollsUntilComplete = SeerPollsForNewRuns, RootCause = rootCause, Solution = solution,
        };
        SeerRuns.Add(run);
        return run;
    }

    partial void SeedSeer()
    {
        var issue = Issue(OrganizationSlug, DemoIds.NoneTypeIssueId)!;
        var (rootCause, solution) = AnalysisFor(issue);
        SeerRuns.Add(new SandboxSeerRun
        {
            RunId = ++_nextSeerRunId, IssueId = issue.Id, StartedAt = Now.AddHours(-1).AddMinutes(-4), UpdatedAt = Now.AddHours(-1),
            Status = "completed", RootCause = rootCause, Solution = solution,
        });
    }

    private static (SeerRootCause, SeerSolution) AnalysisFor(SandboxIssue issue) => issue.Id switch
    {
        DemoIds.NoneTypeIssueId => (
            new SeerRootCause(
                "`get_user_profile` in app/views/users.py reads `user.email` on the result of `get_active_user(user_id)`, which returns None for deleted users.",
                [
                    "The view raised AttributeError: 'NoneType' object has no attribute 'email' at app/views/users.py:42.",
                    "`user` was None because `get_active_user(4812)` in app/services/users.py found no row: it filters on `is_active=True`.",
                    "User 4812 deleted their account, which sets `is_active=False` instead of removing the row.",
                    "The web front end still holds the old user id in a session cookie and requests `/api/users/4812/`.",
                    "The view assumes the lookup always succeeds and has no branch for a missing user, so a deleted user crashes the request with a 500.",
                ],
                ["Delete (deactivate) a user account.", "Call GET /api/users/{id}/ with that user's id.", "The API answers 500 instead of 404."],
                "acme/api-backend"),
            new SeerSolution(
                "Guard the missing-user case in `get_user_profile` and answer 404 instead of crashing.",
                [
                    new("Guard the lookup", "In app/views/users.py, after `user = get_active_user(user_id)`, add `if user is None: raise Http404(\"User not found\")` before reading `user.email`."),
                    new("Clear stale sessions", "In the web front end, treat a 404 from /api/users/{id}/ as signed out and drop the cached user id."),
                    new("Add a regression test", "In tests/test_users.py, deactivate a user and assert GET /api/users/{id}/ returns 404."),
                ])),
        DemoIds.PaymentTimeoutIssueId => (
            new SeerRootCause(
                "`ChargeService.ChargeAsync` calls the payment provider with a 3-second HttpClient timeout and no retry, while the provider's p99 latency during checkout peaks exceeds 3 seconds.",
                [
                    "ChargeAsync threw System.TimeoutException: Payment provider did not answer at src/Payments/ChargeService.cs:87.",
                    "The HttpClient named \"stripe\" in Program.cs is configured with `Timeout = TimeSpan.FromSeconds(3)`.",
                    "POST https://api.stripe.com/v1/payment_intents took longer than 3 s in the checkout trace.",
                    "No retry with an idempotency key exists, so one slow answer fails the whole checkout.",
                    "The timeout was copied from the provider's sandbox settings, where answers are fast.",
                ],
                ["Simulate a payment provider answering after 3.5 s.", "POST /v1/charges for any customer.", "The request fails with TimeoutException and the checkout shows the payment-failed banner."],
                "acme/payments-service"),
            new SeerSolution(
                "Give the provider call a realistic timeout and retry it safely with an idempotency key.",
                [
                    new("Raise the timeout", "In Program.cs, set the \"stripe\" HttpClient's attempt timeout to 10 s through a resilience handler instead of HttpClient.Timeout."),
                    new("Retry idempotently", "In ChargeService.ChargeAsync, send an `Idempotency-Key` header derived from the charge attempt id and allow two retries on timeouts and 5xx."),
                    new("Answer pending instead of failing", "When retries are exhausted, store the attempt as Pending and return 202 so the API can poll instead of failing the checkout."),
                ])),
        _ => (
            new SeerRootCause($"The code path raising \"{issue.Title}\" does not handle the failing case.", [$"Every event of {issue.ShortId} raises: {issue.Title}."], [], "acme/monorepo"),
            new SeerSolution("Handle the failing case explicitly and add a regression test.", [new("Handle the failure", "Check the value before use and return a clear error to the caller.")])),
    };
}
