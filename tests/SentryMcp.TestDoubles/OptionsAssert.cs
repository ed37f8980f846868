using Microsoft.Extensions.Options;

namespace SentryMcp.TestDoubles;

/// <summary>
/// Assertions on options validation, shared by the core and server validator tests (a failed check
/// throws, which fails the test; this project does not depend on a test framework).
/// </summary>
public static class OptionsAssert
{
    /// <summary>Exactly these settings are named, one failure each, so no problem hides behind another.</summary>
    public static void Failures(ValidateOptionsResult result, params string[] settings)
    {
        if (!result.Failed)
        {
            throw new InvalidOperationException($"Expected the validation to fail naming {string.Join(", ", settings)}; it succeeded.");
        }
        var failures = result.Failures!.ToList();
        var named = settings.Select(setting => (setting, count: failures.Count(f => f.Contains(setting, StringComparison.Ordinal)))).ToList();
        if (failures.Count != settings.Length || named.Any(n => n.count != 1))
        {
            throw new InvalidOperationException(
                $"Expected one failure for each of {string.Join(", ", settings)}; got:\n  {string.Join("\n  ", failures)}");
        }
    }

    /// <summary>The validation failures inside a start-up failure (one, or several in an aggregate).</summary>
    public static IEnumerable<OptionsValidationException> Flatten(Exception failure) => failure switch
    {
        OptionsValidationException single => [single],
        AggregateException many => many.InnerExceptions.SelectMany(Flatten),
        _ => throw new InvalidOperationException($"Expected an options validation failure, got {failure}"),
    };
}
