namespace SentryMcp.Server.Tests.Robustness;

/// <summary>
/// A soak or resource-measuring test, run by test.sh's test-robustness step (which sets
/// <c>TEST_ROBUSTNESS=1</c> and counts a skipped test as a failure). Anywhere else (a plain
/// <c>dotnet test</c> of the solution) it is skipped with the reason: it loads the machine for a
/// minute or more and judges process-wide counts, so it belongs to a run of its own.
/// </summary>
public sealed class RobustnessFactAttribute : FactAttribute
{
    public const string Variable = "TEST_ROBUSTNESS";

    public RobustnessFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"A soak or resource measurement for test.sh's test-robustness step: run it with {Variable}=1 (./test.sh sets it).";
        }
    }
}
