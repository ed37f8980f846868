using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

/// <summary>What the uptime tools share: input rules (Sentry's uptime validator), outputs, redaction and markdown.</summary>
internal static partial class UptimeInput
{
    public static readonly int[] Intervals = [60, 300, 600, 1200, 1800, 3600];
    public static readonly string[] Methods = ["GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"];

    public static bool IsActor(string value) => ActorPattern().IsMatch(value);

    public static string Name(string value) => value.Trim() is { Length: >= 1 and <= 128 } name ? name
        : throw new UserInputException("'name' must be 1 to 128 characters.");

    public static string Url(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 && value.Trim().Length <= 255
            ? value.Trim()
            : throw new UserInputException($"'url' must be an absolute http:// or https:// URL of at most 255 characters, e.g. https://api.example.com/health (got '{Markdown.Truncate(value, 80)}').");

    public static int Interval(int value) => Intervals.Contains(value) ? value
        : throw new UserInputException($"'intervalSeconds' must be one of: {string.Join(", ", Intervals)} (got {value}).");

    public static int Timeout(int value) => value is >= 1000 and <= 60000 ? value
        : throw new UserInputException($"'timeoutMs' must be between 1000 and 60000 milliseconds (got {value}).");

    public static string Method(string value) => Methods.FirstOrDefault(m => m == value.Trim().ToUpperInvariant())
        ?? throw new UserInputException($"'method' must be one of: {string.Join(", ", Methods)} (got '{value}').");

    public static string Status(string value) => value.Trim() is "active" or "disabled" ? value.Trim()
        : throw new UserInputException($"'status' must be 'active' or 'disabled' (got '{value}').");

    public static string Owner(string value) => IsActor(value.Trim()) ? value.Trim()
        : throw new UserInputException($"'owner' must be `user:ID` or `team:ID`, e.g. team:12 (got '{value}'). find_teams lists team ids.");

    public static string Environment(string value) => value.Trim() is { Length: >= 1 and <= 64 } env ? env
        : throw new UserInputException("'environment' must be 1 to 64 characters.");

    public static int Threshold(int value, string parameterName) => value >= 1 ? value
        : throw new UserInputException($"'{parameterName}' must be at least 1 (got {value}).");

    /// <summary>Headers as [name, value] pairs; anything else says what shape is expected.</summary>
    /// <summary>The optional check settings create and update share, each validated, added only when given.</summary>
    public static void AddSettings(JsonObject fields, string? method, string[][]? headers, string? status,
        bool? traceSampling, bool? responseCaptureEnabled, int? recoveryThreshold, int? downtimeThreshold)
    {
        if (MonitoringInput.Optional(method) is { } m)
        {
            fields["method"] = Method(m);
        }
        if (headers is not null)
        {
            fields["headers"] = Headers(headers);
        }
        if (MonitoringInput.Optional(status) is { } s)
        {
            fields["status"] = Status(s);
        }
        if (traceSampling is { } trace)
        {
            fields["traceSampling"] = trace;
        }
        if (responseCaptureEnabled is { } capture)
        {
            fields["responseCaptureEnabled"] = capture;
        }
        if (recoveryThreshold is { } recovery)
        {
            fields["recoveryThreshold"] = Threshold(recovery, nameof(recoveryThreshold));
        }
        if (downtimeThreshold is { } downtime)
        {
            fields["downtimeThreshold"] = Threshold(downtime, nameof(downtimeThreshold));
        }
    }

    public static JsonArray Headers(string[][] headers)
    {
        var array = new JsonArray();
        foreach (var header in headers)
        {
            if (header is not [{ } name, { } value] || string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace))
            {
                throw new UserInputException("'headers' must be a list of [name, value] pairs of strings with non-empty names, e.g. [[\"Accept\",\"application/json\"]].");
            }
            array.Add((JsonNode)new JsonArray(name, value));
        }
        return array;
    }

    /// <summary>Credentials must not reach the model: values of auth-like headers are replaced.</summary>
    public static bool IsSensitive(string name)
    {
        var n = name.Trim().ToLowerInvariant();
        return n is "cookie" or "set-cookie" or "x-sentry-auth" || n.Contains("authorization", StringComparison.Ordinal) || n.Contains("api-key", StringComparison.Ordinal)
            || n.Contains("token", StringComparison.Ordinal) || n.Contains("secret", StringComparison.Ordinal) || n.Contains("password", StringComparison.Ordinal);
    }

    public static List<UptimeHeaderOutput> RedactedHeaders(SentryUptimeMonitor monitor) =>
        [.. (monitor.Headers ?? []).Where(h => h.Count >= 2).Select(h => new UptimeHeaderOutput(h[0], IsSensitive(h[0]) ? "[REDACTED]" : h[1]))];

    /// <summary>Sentry's uptime status: 1 (or "ok") is up, 2 (or "failed") is down; anything else is not known yet.</summary>
    public static string UptimeStatus(JsonElement? value) => value?.Scalar() switch
    {
        "1" or "ok" => "ok",
        "2" or "failed" => "failed",
        _ => "unknown",
    };

    public static UptimeMonitorOutput ToOutput(SentryToolContext context, string org, string projectSlug, SentryUptimeMonitor m) => new(
        m.Id, m.Name, m.ProjectSlug ?? projectSlug, m.Status ?? "active", UptimeStatus(m.UptimeStatus), m.Url, m.Method, m.IntervalSeconds,
        string.IsNullOrWhiteSpace(m.Environment) ? null : m.Environment, AlertRuleFormatter.Actor(m.Owner),
        $"{context.Host.OrganizationUrl(org)}monitors/{Uri.EscapeDataString(m.Id)}/",
        m.TimeoutMs, m.RecoveryThreshold, m.DowntimeThreshold, m.TraceSampling, m.ResponseCaptureEnabled);

    public static Markdown Append(Markdown md, UptimeMonitorOutput m, SentryUptimeMonitor raw, bool detailed)
    {
        md.Heading(m.Name).Field("ID", m.Id).Field("Project", m.ProjectSlug).Field("URL Checked", $"{m.Method ?? "GET"} {m.Url}")
            .Field("Status", m.Status).Field("Uptime", m.UptimeStatus switch { "ok" => "up", "failed" => "down", _ => "not checked yet" })
            .Field("Interval", $"every {m.IntervalSeconds} seconds").Field("Environment", m.Environment).Field("Owner", AlertRuleFormatter.ActorDisplay(raw.Owner));
        if (detailed)
        {
            md.Field("Timeout", $"{m.TimeoutMs} ms")
                .Field("Thresholds", m.DowntimeThreshold is null && m.RecoveryThreshold is null ? null
                    : $"down after {m.DowntimeThreshold?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} failed checks in a row, up again after {m.RecoveryThreshold?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} successful")
                .Field("Trace Sampling", m.TraceSampling is { } t ? (t ? "on" : "off") : null)
                .Field("Response Capture", m.ResponseCaptureEnabled is { } r ? (r ? "on (body and headers kept for failures)" : "off") : null);
        }
        return md.Field("Web URL", m.WebUrl).Line();
    }

    [GeneratedRegex("^(user|team):[0-9A-Za-z_-]+$")]
    private static partial Regex ActorPattern();
}
