using System.Text;

namespace SentryMcp.Core.Api;

/// <summary>Builds Sentry API paths with every caller-supplied segment escaped and validated.</summary>
public static class ApiPath
{
    /// <summary>
    /// <c>Of("organizations", org, "issues")</c> → <c>organizations/{org}/issues/</c>. Dot segments are
    /// refused because HTTP clients normalise them, which would let a slug walk up the path.
    /// </summary>
    public static string Of(params string[] segments)
    {
        var sb = new StringBuilder();
        foreach (var segment in segments)
        {
            if (string.IsNullOrWhiteSpace(segment) || segment is "." or "..")
            {
                throw new UserInputException($"Invalid identifier '{segment}' in a Sentry path.");
            }
            sb.Append(Uri.EscapeDataString(segment)).Append('/');
        }
        return sb.ToString();
    }

    /// <summary>Appends query parameters, skipping null or empty values.</summary>
    public static string WithQuery(string path, params (string Key, string? Value)[] parameters)
    {
        var sb = new StringBuilder(path);
        var first = !path.Contains('?', StringComparison.Ordinal);
        foreach (var (key, value) in parameters)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            sb.Append(first ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }
        return sb.ToString();
    }
}
