using Microsoft.Extensions.Options;
using SentryMcp.Core.Hosting;

namespace SentryMcp.Core.Tools;

/// <summary>How analyze_issue_with_seer waits for a run (configuration section <c>Seer</c>, e.g. <c>Seer__PollInterval</c>).</summary>
public sealed class SeerOptions
{
    public const string SectionName = "Seer";

    /// <summary>Pause between two status checks of a running analysis.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest a tool call waits for a run; the run itself continues in Sentry afterwards.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Every unusable <see cref="SeerOptions"/> setting, with how to fix it.</summary>
public sealed class SeerOptionsValidator : IValidateOptions<SeerOptions>
{
    public ValidateOptionsResult Validate(string? name, SeerOptions options) => new OptionsProblems()
        .Require(options.PollInterval > TimeSpan.Zero, "Seer:PollInterval must be a positive time span, e.g. Seer__PollInterval=00:00:05.")
        .Require(options.Timeout > TimeSpan.Zero, "Seer:Timeout must be a positive time span, e.g. Seer__Timeout=00:05:00.")
        .Result;
}
