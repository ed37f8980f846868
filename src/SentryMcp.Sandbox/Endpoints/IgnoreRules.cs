using System.Text.Json.Nodes;

namespace SentryMcp.Sandbox;

/// <summary>
/// The ignore conditions of an issue PUT (<c>ignoreDuration</c>, <c>ignoreCount</c> + <c>ignoreWindow</c>,
/// <c>ignoreUserCount</c> + <c>ignoreUserWindow</c>) and the <c>statusDetails</c> Sentry answers with.
/// </summary>
public static class IgnoreRules
{
    private const int MaxWindowMinutes = 10_080;
    private static readonly string[] Fields = ["ignoreDuration", "ignoreCount", "ignoreWindow", "ignoreUserCount", "ignoreUserWindow"];

    /// <summary>The statusDetails to keep for the ignore, or Sentry's field error.</summary>
    public static (JsonObject Details, IResult? Error) Read(JsonObject body, DateTimeOffset now)
    {
        var details = new JsonObject();
        foreach (var field in Fields)
        {
            if (body[field] is null)
            {
                continue;
            }
            if (body[field] is not JsonValue value || !value.TryGetValue<int>(out var number))
            {
                return (details, SandboxRequests.FieldError(field, "A valid integer is required."));
            }
            if (number < 1)
            {
                return (details, SandboxRequests.FieldError(field, "Ensure this value is greater than or equal to 1."));
            }
            if (field is "ignoreWindow" or "ignoreUserWindow" && number > MaxWindowMinutes)
            {
                return (details, SandboxRequests.FieldError(field, $"Ensure this value is less than or equal to {MaxWindowMinutes}."));
            }
            if (field == "ignoreDuration")
            {
                details["ignoreUntil"] = SentryTimestamps.Format(now.AddMinutes(number));
            }
            details[field] = number;
        }
        if (SandboxRequests.Text(body, "substatus") == "archived_until_escalating")
        {
            details["ignoreUntilEscalating"] = true;
        }
        return (details, null);
    }

    public static object StatusDetails(DemoData data, SandboxIssue issue)
    {
        if (issue.InNextRelease)
        {
            return new Dictionary<string, object> { ["inNextRelease"] = true };
        }
        return issue.Status == "ignored" && data.IgnoreDetails.TryGetValue(issue.Id, out var details) ? DemoData.Clone(details) : new JsonObject();
    }
}
