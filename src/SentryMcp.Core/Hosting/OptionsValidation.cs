using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SentryMcp.Core.Hosting;

/// <summary>
/// The problems of one options object, collected so that a start that fails lists every setting to
/// fix at once instead of one per attempt. Validators are written by hand (no DataAnnotations), which
/// keeps the stdio binary trim- and AOT-clean.
/// </summary>
public sealed class OptionsProblems
{
    private readonly List<string> _failures = [];

    /// <summary>Records <paramref name="message"/> (which says how to fix the setting) when <paramref name="condition"/> is false.</summary>
    public OptionsProblems Require(bool condition, string message)
    {
        if (!condition)
        {
            _failures.Add(message);
        }
        return this;
    }

    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    /// <summary>True for an absolute http or https URL.</summary>
    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>
    /// Every settings problem a failed start reported (the host throws one <see cref="OptionsValidationException"/>,
    /// or an <see cref="AggregateException"/> of them for several sections); empty for any other failure.
    /// </summary>
    public static IReadOnlyList<string> Of(Exception failure) => failure switch
    {
        OptionsValidationException single => [.. single.Failures],
        AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. many.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures)],
        _ => [],
    };

    /// <summary>The text a host prints before it exits with a configuration it cannot start with.</summary>
    public static string Report(IReadOnlyList<string> problems) =>
        "The configuration is not valid; fix these settings and start again:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));

    /// <summary>For options read before the host starts: throws the same exception <c>ValidateOnStart</c> would.</summary>
    public static T ThrowIfInvalid<T>(IValidateOptions<T> validator, T options) where T : class
    {
        var result = validator.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures);
        }
        return options;
    }
}

public static class OptionsValidationExtensions
{
    /// <summary>Validates the options with <typeparamref name="TValidator"/> when the host starts (and on every later read of a new value).</summary>
    public static OptionsBuilder<T> ValidateWith<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(this OptionsBuilder<T> builder)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, TValidator>());
        return builder.ValidateOnStart();
    }
}
