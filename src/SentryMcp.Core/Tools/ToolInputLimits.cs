using System.Collections.Frozen;
using System.Text.Json;
using SentryMcp.Core.Api;

namespace SentryMcp.Core.Tools;

/// <summary>
/// Upper bounds on tool arguments, checked before a tool runs, so before any Sentry or language-model
/// call: a 900 KB "natural-language query" would otherwise be sent to the model whole, and paid for.
/// The sizes are generous for what each argument is (docs/search-translation.md lists them); anything
/// longer is an input error that names the argument and its limit.
/// </summary>
public static class ToolInputLimits
{
    /// <summary>Natural-language or Sentry-syntax queries and instructions for Seer.</summary>
    public const int Text = 2_000;

    /// <summary>Names of teams, projects and keys (Sentry itself stops at 64 or 50).</summary>
    public const int Name = 100;

    /// <summary>Slugs, ids, enum-like values (sort, period, status, platform, …).</summary>
    public const int Identifier = 200;

    /// <summary>Sentry URLs, region URLs and docs paths.</summary>
    public const int Url = 2_048;

    /// <summary>Any other string argument (a tool ignores arguments it does not declare).</summary>
    public const int Other = 1_000;

    /// <summary>Items of a list argument (search_events <c>fields</c>).</summary>
    public const int ListItems = 100;

    private static readonly FrozenDictionary<string, int> ByArgument = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["query"] = Text,
        ["instruction"] = Text,
        ["name"] = Name,
        ["regionUrl"] = Url,
        ["issueUrl"] = Url,
        ["url"] = Url,
        ["path"] = Url,
        ["organizationSlug"] = Identifier,
        ["projectSlug"] = Identifier,
        ["projectSlugOrId"] = Identifier,
        ["teamSlug"] = Identifier,
        ["slug"] = Identifier,
        ["issueId"] = Identifier,
        ["eventId"] = Identifier,
        ["traceId"] = Identifier,
        ["attachmentId"] = Identifier,
        ["startedRunId"] = Identifier,
        ["resourceType"] = Identifier,
        ["resourceId"] = Identifier,
        ["assignedTo"] = Identifier,
        ["platform"] = Identifier,
        ["guide"] = Identifier,
        ["dataset"] = Identifier,
        ["sort"] = Identifier,
        ["period"] = Identifier,
        ["status"] = Identifier,
        ["fields"] = Identifier,
        ["tagKey"] = Identifier,
        ["thread"] = Identifier,
        ["ignoreMode"] = Identifier,
        ["text"] = AddIssueNoteTool.MaxLength,
        ["reason"] = AddIssueNoteTool.MaxLength,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static int LimitFor(string argument) => ByArgument.GetValueOrDefault(argument, Other);

    /// <summary>Throws a <see cref="UserInputException"/> for the first argument over its limit.</summary>
    public static void Check(IEnumerable<KeyValuePair<string, JsonElement>>? arguments)
    {
        if (arguments is null)
        {
            return;
        }
        foreach (var (name, value) in arguments)
        {
            var limit = LimitFor(name);
            if (value.ValueKind == JsonValueKind.String)
            {
                CheckText(name, value, limit);
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                var count = value.GetArrayLength();
                if (count > ListItems)
                {
                    throw new UserInputException($"'{name}' has {count:N0} items; at most {ListItems} are accepted.");
                }
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        CheckText($"{name}[{index}]", item, limit);
                    }
                    index++;
                }
            }
            else if (value.ValueKind == JsonValueKind.Object && value.GetRawText().Length > Other)
            {
                throw new UserInputException($"'{name}' is larger than {Other:N0} characters; no tool takes an object that large.");
            }
        }
    }

    private static void CheckText(string name, JsonElement value, int limit)
    {
        var length = value.GetString()!.Length;
        if (length <= limit)
        {
            return;
        }
        var hint = limit == Text ? " Describe the search in a sentence or two, or write it in Sentry search syntax." : "";
        throw new UserInputException($"'{name}' is {length:N0} characters long; at most {limit:N0} are accepted.{hint}");
    }
}
