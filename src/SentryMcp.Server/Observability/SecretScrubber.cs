using System.Text.RegularExpressions;

namespace SentryMcp.Server.Observability;

/// <summary>
/// Removes credentials from text that leaves the process (error reports, exported telemetry):
/// Sentry tokens (<c>sntrys_</c>, <c>sntryu_</c>), bearer values, OpenAI-style keys, OAuth token and
/// code parameters, cookies and JWTs.
/// </summary>
public static partial class SecretScrubber
{
    public const string Mask = "[Filtered]";

    public static string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        text = SentryToken().Replace(text, Mask);
        text = AuthorizationValue().Replace(text, m => m.Groups[1].Value + Mask);
        text = ApiKey().Replace(text, Mask);
        text = Jwt().Replace(text, Mask);
        text = SecretParameter().Replace(text, m => m.Groups[1].Value + Mask);
        return text;
    }

    /// <summary>
    /// <see cref="Scrub"/> plus OAuth <c>state</c> values and OAuth parameters written as JSON members (OpenIddict
    /// logs whole requests that way), for log lines: a state or verifier in a log file lets whoever reads it
    /// finish or forge a sign-in in flight. Error reports keep the state (it tells sign-ins apart; the
    /// browser scrubber shares <see cref="Scrub"/>'s rules).
    /// </summary>
    public static string? ScrubLogLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        text = StateParameter().Replace(Scrub(text)!, m => m.Groups[1].Value + Mask);
        return JsonSecretMember().Replace(text, m => m.Groups[1].Value + Mask + "\"");
    }

    /// <summary>Headers whose values are never reported.</summary>
    public static bool IsSensitiveHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("token", StringComparison.OrdinalIgnoreCase) || name.Contains("api-key", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"sntr[a-z]{1,2}_[A-Za-z0-9_\-=+/.]{8,}")]
    private static partial Regex SentryToken();

    [GeneratedRegex(@"((?:Sentry-)?Bearer\s+)[A-Za-z0-9_\-=+/.~]+", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationValue();

    [GeneratedRegex(@"\bsk-[A-Za-z0-9_\-]{16,}")]
    private static partial Regex ApiKey();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"((?:access_token|refresh_token|id_token|client_secret|code|code_verifier|token|password|api_key)=)[^&\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();

    [GeneratedRegex(@"((?:^|[?&\s""'])state=)[^&\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex StateParameter();

    [GeneratedRegex(@"(""(?:access_token|refresh_token|id_token|client_secret|code|code_verifier|state|token|password|api_key)""\s*:\s*"")(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase)]
    private static partial Regex JsonSecretMember();
}
