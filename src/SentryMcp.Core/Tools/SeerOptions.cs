namespace SentryMcp.Core.Tools;

/// <summary>How analyze_issue_with_seer waits for a run (configuration section <c>Seer</c>, e.g. <c>Seer__PollInterval</c>).</summary>
public sealed class SeerOptions
{
    public const string SectionName = "Seer";

    /// <summary>Pause between two status checks of a running analysis.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest a tool call waits for a run; the run itself continues in Sentry afterwards.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    public void Validate()
    {
        if (PollInterval <= TimeSpan.Zero || Timeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Seer:PollInterval and Seer:Timeout must be positive time spans, e.g. Seer__PollInterval=00:00:05.");
        }
    }
}
