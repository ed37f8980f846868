using System.Text.RegularExpressions;
using SentryMcp.Core.Api;

namespace SentryMcp.Core.Tools;

/// <summary>Input rules for the project-management tools, checked before anything is written to Sentry.</summary>
internal static partial class ProjectManagementInput
{
    /// <summary>Sentry's limit for team names and client key labels; project names are held to it too.</summary>
    public const int MaxNameLength = 64;

    public static string Name(string? value, string parameterName)
    {
        var name = SentryToolContext.Require(value, parameterName);
        if (name.Length > MaxNameLength)
        {
            throw new UserInputException(
                $"The '{parameterName}' parameter is {name.Length} characters long; Sentry allows at most {MaxNameLength}. Use a shorter name.");
        }
        return name;
    }

    /// <summary>Null for "not given"; otherwise a valid slug, or a user error explaining Sentry's slug rules.</summary>
    public static string? OptionalSlug(string? value, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var slug = value.Trim();
        if (!SlugPattern().IsMatch(slug))
        {
            throw new UserInputException(
                $"'{slug}' is not a valid '{parameterName}': use lowercase letters, numbers, hyphens or underscores (not only numbers), e.g. 'checkout-api'.");
        }
        return slug;
    }

    /// <summary>Sentry platform identifiers are lowercase, e.g. <c>python</c> or <c>javascript-react</c>.</summary>
    public static string? OptionalPlatform(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var platform = value.Trim().ToLowerInvariant();
        if (!SlugPattern().IsMatch(platform))
        {
            throw new UserInputException(
                $"'{value.Trim()}' is not a valid 'platform': use a Sentry platform identifier such as 'python', 'javascript-react' or 'csharp-aspnetcore'.");
        }
        return platform;
    }

    [GeneratedRegex("^(?![0-9]+$)[a-z0-9_-]{1,100}$")]
    private static partial Regex SlugPattern();
}
