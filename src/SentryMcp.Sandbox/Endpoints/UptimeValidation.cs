using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentryMcp.Sandbox;

/// <summary>
/// Sentry's uptime monitor validator: every field that is present must be valid, or nothing changes
/// and the answer is a 400 naming the field (<c>{"url": ["Enter a valid URL."]}</c>).
/// </summary>
public static class UptimeValidation
{
    public static readonly int[] Intervals = [60, 300, 600, 1200, 1800, 3600];
    public static readonly string[] Methods = ["GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"];

    public static IResult? Apply(DemoData data, JsonObject body, SandboxUptimeMonitor monitor, bool creating)
    {
        var changes = new List<Action>();
        foreach (var required in new[] { "name", "url", "intervalSeconds" })
        {
            if (creating && body[required] is null)
            {
                return SandboxRequests.FieldError(required, "This field is required.");
            }
        }
        foreach (var (field, node) in body)
        {
            var error = field switch
            {
                "name" => Text(node, 128, allowNull: false, out var name) ?? Do(changes, () => monitor.Name = name!),
                "url" => Url(node, out var url) ?? Do(changes, () => monitor.Url = url!),
                "intervalSeconds" => Int(node, out var interval) is null && Intervals.Contains(interval)
                    ? Do(changes, () => monitor.IntervalSeconds = interval) : $"\"{node}\" is not a valid choice.",
                "timeoutMs" => Int(node, out var timeout) ?? (timeout is < 1000 or > 60000
                    ? "Ensure this value is between 1000 and 60000." : Do(changes, () => monitor.TimeoutMs = timeout)),
                "method" => Text(node, 20, allowNull: false, out var method) ?? (Methods.Contains(method)
                    ? Do(changes, () => monitor.Method = method!) : $"\"{method}\" is not a valid choice."),
                "headers" => Headers(node, out var headers) ?? Do(changes, () => monitor.Headers = headers!),
                "body" => Text(node, 10_000, allowNull: true, out var text) ?? Do(changes, () => monitor.Body = text),
                "status" => Text(node, 20, allowNull: false, out var status) ?? (status is "active" or "disabled"
                    ? Do(changes, () => monitor.Status = status!) : $"\"{status}\" is not a valid choice."),
                "owner" => Text(node, 100, allowNull: true, out var owner) ?? Owner(data, owner) ?? Do(changes, () => monitor.Owner = owner),
                "environment" => Text(node, 64, allowNull: true, out var environment) ?? Do(changes, () => monitor.Environment = environment),
                "traceSampling" => Bool(node, out var sampling) ?? Do(changes, () => monitor.TraceSampling = sampling),
                "responseCaptureEnabled" => Bool(node, out var capture) ?? Do(changes, () => monitor.ResponseCaptureEnabled = capture),
                "recoveryThreshold" => Int(node, out var recovery) ?? (recovery < 1 ? "Ensure this value is greater than or equal to 1."
                    : Do(changes, () => monitor.RecoveryThreshold = recovery)),
                "downtimeThreshold" => Int(node, out var downtime) ?? (downtime < 1 ? "Ensure this value is greater than or equal to 1."
                    : Do(changes, () => monitor.DowntimeThreshold = downtime)),
                _ => null,
            };
            if (error is not null)
            {
                return SandboxRequests.FieldError(field, error);
            }
        }
        changes.ForEach(change => change());
        return null;
    }

    private static string? Do(List<Action> changes, Action change)
    {
        changes.Add(change);
        return null;
    }

    private static string? Text(JsonNode? node, int max, bool allowNull, out string? value)
    {
        value = null;
        if (node is null)
        {
            return allowNull ? null : "This field may not be null.";
        }
        if (node is not JsonValue v || !v.TryGetValue(out value))
        {
            return "Not a valid string.";
        }
        if (!allowNull && string.IsNullOrWhiteSpace(value))
        {
            return "This field may not be blank.";
        }
        return value.Length > max ? $"Ensure this field has no more than {max} characters." : null;
    }

    private static string? Url(JsonNode? node, out string? value) =>
        Text(node, 255, allowNull: false, out value) ?? (Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host) ? null : "Enter a valid URL.");

    private static string? Int(JsonNode? node, out int value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out value) ? null : "A valid integer is required.";
    }

    private static string? Bool(JsonNode? node, out bool value)
    {
        value = false;
        return node is JsonValue v && v.TryGetValue(out value) ? null : "Must be a valid boolean.";
    }

    private static string? Headers(JsonNode? node, out List<string[]>? headers)
    {
        headers = null;
        if (node is not JsonArray array)
        {
            return "Expected a list of [name, value] pairs.";
        }
        var result = new List<string[]>();
        foreach (var item in array)
        {
            if (item is not JsonArray { Count: 2 } pair || pair[0] is not JsonValue n || !n.TryGetValue<string>(out var name)
                || pair[1] is not JsonValue v || !v.TryGetValue<string>(out var value) || string.IsNullOrWhiteSpace(name))
            {
                return "Each header must be a [name, value] pair of strings.";
            }
            result.Add([name, value]);
        }
        headers = result;
        return null;
    }

    private static string? Owner(DemoData data, string? owner)
    {
        if (owner is null)
        {
            return null;
        }
        var known = owner.StartsWith("team:", StringComparison.Ordinal) ? data.Teams.Any(t => "team:" + t.Id == owner && t.OrganizationSlug == DemoData.OrganizationSlug)
            : owner.StartsWith("user:", StringComparison.Ordinal) && data.Users.Any(u => "user:" + u.Id == owner);
        return known ? null : "Could not resolve owner to a member of this organization.";
    }
}
