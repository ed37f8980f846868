using System.Text.Json;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

/// <summary>Activity entries and notes as get_issue_activity and add_issue_note show them.</summary>
internal static class IssueActivityFormatting
{
    public static string? Actor(ActivityUser? user)
    {
        if (user is null)
        {
            return null;
        }
        var name = NonEmpty(user.Name) ?? NonEmpty(user.Username) ?? NonEmpty(user.Email);
        var email = NonEmpty(user.Email);
        var label = name ?? (user.Id is null ? "unknown user" : $"user {user.Id}");
        return email is not null && email != label ? $"{label} <{email}>" : label;
    }

    /// <summary>The words of an entry: a note's text, or the reason/message some activity types carry.</summary>
    public static string? Text(IssueActivity activity) =>
        NonEmpty(activity.Data.Str("text")) ?? NonEmpty(activity.Data.Str("message")) ?? NonEmpty(activity.Data.Str("reason")) ?? NonEmpty(activity.Data.Str("description"));

    public static ActivityOutput ToOutput(IssueActivity activity) =>
        new(activity.Id, activity.Type, Actor(activity.User), Text(activity), activity.DateCreated);

    /// <summary>One line per entry, with what changed spelled out for the common types.</summary>
    public static string Line(IssueActivity activity)
    {
        var who = Actor(activity.User) ?? "Sentry";
        var when = Markdown.Date(activity.DateCreated) ?? "unknown time";
        var what = Describe(activity);
        var text = Text(activity);
        return $"{when}: {what} by {who}" + (text is null ? "" : $": \"{Markdown.Truncate(text.ReplaceLineEndings(" "), 1000)}\"");
    }

    private static string Describe(IssueActivity activity)
    {
        var data = activity.Data;
        return activity.Type switch
        {
            "note" => "comment",
            "set_resolved" => "resolved",
            "set_resolved_in_release" => $"resolved in release {data.Str("version") ?? "(next release)"}",
            "set_resolved_by_age" => "resolved automatically (no events for a while)",
            "set_unresolved" => "reopened",
            "set_ignored" or "set_archived" => "ignored" + IgnoreRule(data),
            "set_regression" => "regressed" + (data.Str("version") is { } version ? $" in {version}" : ""),
            "set_escalating" => "escalating",
            "assigned" => $"assigned to {data.Str("assigneeName") ?? data.Str("assigneeEmail") ?? data.Str("assignee") ?? "someone"}",
            "unassigned" => "unassigned",
            "first_seen" => "first seen",
            "auto_set_ongoing" => "marked ongoing automatically",
            "set_priority" => $"priority set to {data.Str("priority") ?? "?"}",
            null => "activity",
            var other => other.Replace('_', ' '),
        };
    }

    private static string IgnoreRule(JsonElement data)
    {
        if (data.Str("ignoreUntilEscalating") == "true")
        {
            return " until escalating";
        }
        if (data.Str("ignoreDuration") is { } minutes)
        {
            return $" for {minutes} minutes";
        }
        if (data.Str("ignoreCount") is { } count)
        {
            return $" until it occurs {count} more times" + (data.Str("ignoreWindow") is { } window ? $" within {window} minutes" : "");
        }
        if (data.Str("ignoreUserCount") is { } users)
        {
            return $" until it affects {users} more users" + (data.Str("ignoreUserWindow") is { } window ? $" within {window} minutes" : "");
        }
        return "";
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
