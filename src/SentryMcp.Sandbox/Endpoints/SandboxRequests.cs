using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SentryMcp.Sandbox;

/// <summary>Request rules shared by the sandbox's endpoints (bodies, slugs, periods), as Sentry applies them.</summary>
public static partial class SandboxRequests
{
    public const int MaxNameLength = 64;
    public const int MaxSlugLength = 50;
    public const string InvalidSlugMessage =
        "Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens. It cannot be entirely numeric.";

    /// <summary>Reads a JSON object body; anything else is Sentry's 400.</summary>
    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpContext http)
    {
        try
        {
            var node = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return node is JsonObject body ? (body, null) : (null, SentryErrors.BadRequest("Request body must be a JSON object."));
        }
        catch (JsonException)
        {
            return (null, SentryErrors.BadRequest("Malformed request body: it must be JSON."));
        }
    }

    /// <summary>A string field, trimmed; null when absent, null or empty.</summary>
    public static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>Sentry's field-error shape: <c>{"field": ["message"]}</c>.</summary>
    public static IResult FieldError(string field, string message) =>
        Results.Json(new Dictionary<string, string[]> { [field] = [message] }, statusCode: 400);

    public static bool IsValidSlug(string slug) => slug.Length <= MaxSlugLength && SlugPattern().IsMatch(slug);

    /// <summary>Derives a slug from a display name the way Sentry does: lowercase words joined by hyphens.</summary>
    public static string Slugify(string name)
    {
        var slug = NonSlugCharacters().Replace(name.ToLowerInvariant(), "-").Trim('-');
        return slug.Length <= MaxSlugLength ? slug : slug[..MaxSlugLength].TrimEnd('-');
    }

    /// <summary>Validates a name and optional slug; returns the slug to use or the error to answer with.</summary>
    public static (string? Slug, IResult? Error) NameAndSlug(string? name, string? slug, bool nameRequired)
    {
        if (name is null && (nameRequired || slug is null))
        {
            return (null, FieldError("name", "This field is required."));
        }
        if (name is { Length: > MaxNameLength })
        {
            return (null, FieldError("name", $"Ensure this field has no more than {MaxNameLength} characters."));
        }
        var result = slug ?? Slugify(name!);
        return IsValidSlug(result) ? (result, null) : (null, FieldError("slug", InvalidSlugMessage));
    }

    /// <summary>Sentry's period syntax: <c>30m</c>, <c>24h</c>, <c>14d</c>, <c>2w</c>; null when it is not one.</summary>
    public static TimeSpan? ParsePeriod(string? value)
    {
        var match = value is null ? Match.Empty : PeriodPattern().Match(value);
        if (!match.Success)
        {
            return null;
        }
        var n = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            _ => TimeSpan.FromDays(7 * n),
        };
    }

    [GeneratedRegex("^([0-9]{1,5})([smhdw])$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex("^(?![0-9]+$)[a-z0-9_-]+$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NonSlugCharacters();
}
